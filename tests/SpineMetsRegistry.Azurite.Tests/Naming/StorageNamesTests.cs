using System.Text.RegularExpressions;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Azurite.Tests.Naming;

public sealed partial class StorageNamesTests
{
    public static TheoryData<string> Hints => new()
    {
        "enrollments",
        "",
        "a",
        "123-starts-with-digits",
        "Mixed Case & Symbols!",
        "--dashes--everywhere--",
        "Über-Täble",
        new string('x', 200),
    };

    [Theory]
    [MemberData(nameof(Hints))]
    public void Table_AnyHint_FollowsTheTableNameRules(string hint)
    {
        Assert.Matches(TableNameRule(), StorageNames.Table(hint));
    }

    [Theory]
    [MemberData(nameof(Hints))]
    public void Container_AnyHint_FollowsTheContainerNameRules(string hint)
    {
        Assert.Matches(DashedNameRule(), StorageNames.Container(hint));
    }

    [Theory]
    [MemberData(nameof(Hints))]
    public void Queue_AnyHint_FollowsTheQueueNameRules(string hint)
    {
        Assert.Matches(DashedNameRule(), StorageNames.Queue(hint));
    }

    [Fact]
    public void Table_ReadableHint_KeepsTheHintAsPrefix()
    {
        Assert.StartsWith("ledger", StorageNames.Table("ledger"));
        Assert.StartsWith("site-reports-", StorageNames.Container("Site Reports"));
    }

    [Fact]
    public void AllKinds_SameHintManyTimes_NeverRepeat()
    {
        var names = Enumerable.Range(0, 5_000)
            .SelectMany(_ => new[] { StorageNames.Table("same"), StorageNames.Container("same"), StorageNames.Queue("same") })
            .ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    // Azure Storage naming rules: tables are 3-63 letters/digits starting with a letter;
    // containers and queues are 3-63 lowercase letters, digits and single inner dashes.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNameRule();

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex DashedNameRule();
}
