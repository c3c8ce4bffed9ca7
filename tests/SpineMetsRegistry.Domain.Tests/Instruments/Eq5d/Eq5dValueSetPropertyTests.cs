using SpineMetsRegistry.Domain.Instruments.Eq5d;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Eq5d;

/// <summary>Exhaustive checks over every health state of every shipped value set.</summary>
public sealed class Eq5dValueSetPropertyTests
{
    public static TheoryData<string, string> ShippedValueSets()
    {
        var data = new TheoryData<string, string>();
        foreach (var valueSet in Eq5dValueSetCatalog.BuiltIn.ValueSets)
        {
            data.Add(Eq5dCodes.Version.ToCode(valueSet.Version), valueSet.Name);
        }

        return data;
    }

    [Fact]
    public void ShippedValueSets_CoverBothVersions()
    {
        Assert.Equal(4, ShippedValueSets().Count);
    }

    [Theory]
    [MemberData(nameof(ShippedValueSets))]
    public void Index_EveryState_IsAtMostOneAndAtLeastTheWorstState(string version, string name)
    {
        var (valueSet, indices) = AllIndices(version, name);
        var parsedVersion = valueSet.Version;
        var worst = indices[Eq5dHealthState.Worst(parsedVersion).Code];

        Assert.Equal(parsedVersion == Eq5dVersion.ThreeLevel ? 243 : 3125, indices.Count);
        Assert.Equal(1.000m, indices[Eq5dHealthState.Best(parsedVersion).Code]);
        Assert.All(indices, pair =>
        {
            Assert.True(pair.Value <= 1m, $"{name} {pair.Key} = {pair.Value} > 1");
            Assert.True(pair.Value >= worst, $"{name} {pair.Key} = {pair.Value} < worst {worst}");
        });
        Assert.Equal(worst, indices.Values.Min());
    }

    [Theory]
    [MemberData(nameof(ShippedValueSets))]
    public void Index_OneDimensionOneLevelWorse_NeverRaisesTheIndex(string version, string name)
    {
        var (valueSet, indices) = AllIndices(version, name);
        var comparisons = 0;
        foreach (var state in Eq5dHealthState.All(valueSet.Version))
        foreach (var dimension in Eq5dCodes.Dimensions)
        {
            if (state.OneLevelWorseIn(dimension) is { } worse)
            {
                Assert.True(indices[worse.Code] <= indices[state.Code], $"{name}: {worse.Code} ({indices[worse.Code]}) > {state.Code} ({indices[state.Code]})");
                comparisons++;
            }
        }

        // Each state can be worsened in every dimension not already at the worst level.
        var levels = Eq5dCodes.LevelCount(valueSet.Version);
        Assert.Equal(5 * (levels - 1) * (int)Math.Pow(levels, 4), comparisons);
    }

    [Theory]
    [InlineData("3L", 243)]
    [InlineData("5L", 3125)]
    public void All_Version_EnumeratesEveryDistinctStateOnce(string version, int count)
    {
        Assert.True(Eq5dCodes.Version.TryParse(version, out var parsedVersion));
        var states = Eq5dHealthState.All(parsedVersion).Select(s => s.Code).ToList();

        Assert.Equal(count, states.Count);
        Assert.Equal(count, states.Distinct().Count());
        Assert.All(states, code => Assert.True(Eq5dHealthState.Parse(parsedVersion, code).IsSuccess));
    }

    private static (Eq5dValueSet ValueSet, Dictionary<string, decimal> Indices) AllIndices(string version, string name)
    {
        Assert.True(Eq5dCodes.Version.TryParse(version, out var parsedVersion));
        var valueSet = Eq5dTestData.ValueSet(parsedVersion, name);
        var indices = Eq5dHealthState.All(parsedVersion)
            .ToDictionary(s => s.Code, s => Eq5dIndexCalculator.Score(valueSet, s).Score!.Index);
        return (valueSet, indices);
    }
}
