using SpineMetsRegistry.Domain.Instruments.Eq5d;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Eq5d;

/// <summary>Every published EQ-5D vector of the reference (papers and the R package eq5d's own tests).</summary>
public sealed class Eq5dPublishedVectorTests
{
    public static TheoryData<string, string, string, decimal> PublishedVectors() => new()
    {
        { "3L", "UK-TTO", "11111", 1.000m },
        { "3L", "UK-TTO", "11221", 0.760m },
        { "3L", "UK-TTO", "12321", 0.329m },
        { "3L", "UK-TTO", "33221", -0.037m },
        { "3L", "UK-TTO", "33333", -0.594m },
        { "5L", "England", "21111", 0.942m },
        { "5L", "England", "11112", 0.922m },
        { "5L", "England", "23245", 0.247m },
        { "5L", "England", "55555", -0.285m },
        { "5L", "USA", "21111", 0.904m },
        { "5L", "USA", "21354", 0.090m },
        { "5L", "USA", "55555", -0.573m },
        { "5L", "Netherlands", "21111", 0.918m },
        { "5L", "Netherlands", "55511", 0.390m },
        { "5L", "Netherlands", "44444", -0.289m },
        { "5L", "Netherlands", "55555", -0.446m },
    };

    [Theory]
    [MemberData(nameof(PublishedVectors))]
    public void Score_PublishedState_GivesPublishedIndex(string version, string valueSet, string state, decimal expected)
    {
        Assert.True(Eq5dCodes.Version.TryParse(version, out var parsedVersion));

        var result = Eq5dIndexCalculator.Score(Eq5dTestData.ValueSet(parsedVersion, valueSet), Eq5dTestData.State(parsedVersion, state));

        Assert.True(result.IsComputable);
        Assert.Equal(expected, result.Score!.Index);
        Assert.Equal(state, result.Score.State);
        Assert.Equal(valueSet, result.Score.ValueSet);
        Assert.Equal(version, result.Score.Version);
        Assert.Equal($"{valueSet}/{version}", result.DefinitionVersion);
        Assert.Equal($"EQ-5D-{version}", result.Instrument);
    }

    [Fact]
    public void Score_England21111_IsNotTheAbstractMisprint()
    {
        // The England abstract's "0.950 (11211 and 21111)" is a known misprint.
        Assert.NotEqual(0.950m, Eq5dTestData.Index(Eq5dVersion.FiveLevel, "England", "21111"));
    }

    [Fact]
    public void BuiltIn_HasExactlyTheFourShippedValueSets()
    {
        Assert.Equal(["UK-TTO"], Eq5dValueSetCatalog.BuiltIn.NamesFor(Eq5dVersion.ThreeLevel));
        Assert.Equal(["England", "Netherlands", "USA"], Eq5dValueSetCatalog.BuiltIn.NamesFor(Eq5dVersion.FiveLevel).Order());
        Assert.DoesNotContain("UK", Eq5dValueSetCatalog.BuiltIn.NamesFor(Eq5dVersion.FiveLevel));
    }

    [Fact]
    public void BuiltIn_IsExactlyTheEmbeddedJsonFiles()
    {
        // Adding a value set is adding a JSON file: every embedded file becomes one catalog entry.
        var resources = Eq5dValueSetCatalog.EmbeddedResourceNames(typeof(Eq5dValueSetCatalog).Assembly).ToList();

        Assert.Equal(4, resources.Count);
        Assert.Equal(resources.Count, Eq5dValueSetCatalog.BuiltIn.ValueSets.Count);
        Assert.All(Eq5dValueSetCatalog.BuiltIn.ValueSets, v => Assert.Contains(resources, r => r.EndsWith($".{v.Name}.{Eq5dCodes.Version.ToCode(v.Version)}.json", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("3L", "UK-TTO", "10.1097/00005650-199711000-00002")]
    [InlineData("5L", "England", "10.1002/hec.3564")]
    [InlineData("5L", "USA", "10.1016/j.jval.2019.02.009")]
    [InlineData("5L", "Netherlands", "10.1016/j.jval.2016.01.003")]
    public void BuiltIn_ValueSet_CarriesItsSourceDoi(string version, string name, string doi)
    {
        Assert.True(Eq5dCodes.Version.TryParse(version, out var parsedVersion));
        var valueSet = Eq5dTestData.ValueSet(parsedVersion, name);

        Assert.Equal(doi, valueSet.Doi);
        Assert.False(string.IsNullOrWhiteSpace(valueSet.Citation));
    }

    [Fact]
    public void TryGet_NameInAnyCase_FindsTheValueSet()
    {
        Assert.True(Eq5dValueSetCatalog.BuiltIn.TryGet(Eq5dVersion.FiveLevel, "usa", out var valueSet));
        Assert.Equal("USA", valueSet.Name);
        Assert.False(Eq5dValueSetCatalog.BuiltIn.TryGet(Eq5dVersion.ThreeLevel, "USA", out _));
    }
}
