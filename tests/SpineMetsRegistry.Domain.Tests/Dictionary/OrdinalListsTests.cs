using SpineMetsRegistry.Domain.Dictionary;

namespace SpineMetsRegistry.Domain.Tests.Dictionary;

/// <summary>The dictionary's membership tests: ordinal, as the LINQ calls they replace.</summary>
public sealed class OrdinalListsTests
{
    private static readonly string[] Codes = ["enrollment", "followup", "withdrawal"];

    [Fact]
    public void Contains_OrdinalOnly_CaseAndNullMiss()
    {
        Assert.True(OrdinalLists.Contains(Codes, "followup"));
        Assert.False(OrdinalLists.Contains(Codes, "FollowUp"));
        Assert.False(OrdinalLists.Contains(Codes, null));
        Assert.False(OrdinalLists.Contains([], "followup"));
    }

    [Fact]
    public void AnyAndCount_Predicate_CountsEveryMatch()
    {
        Assert.True(OrdinalLists.Any(Codes, code => code.EndsWith("up", StringComparison.Ordinal)));
        Assert.False(OrdinalLists.Any(Codes, code => code.Length == 0));
        Assert.Equal(2, OrdinalLists.Count(Codes, code => code.Contains('w', StringComparison.Ordinal)));
    }
}
