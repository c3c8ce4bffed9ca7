using SpineMetsRegistry.Domain.Instruments.Eq5d;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Eq5d;

public sealed class Eq5dValueSetReaderTests
{
    private const string CustomValueSet = """
        {
          "name": "Testland",
          "version": "5L",
          "source": { "citation": "A hypothetical value set for tests", "doi": "10.0000/testland" },
          "notes": "Not a real value set.",
          "decrements": {
            "MO": { "2": 0.01, "3": 0.02, "4": 0.03, "5": 0.04 },
            "SC": { "2": 0.01, "3": 0.02, "4": 0.03, "5": 0.04 },
            "UA": { "2": 0.01, "3": 0.02, "4": 0.03, "5": 0.04 },
            "PD": { "2": 0.01, "3": 0.02, "4": 0.03, "5": 0.04 },
            "AD": { "2": 0.01, "3": 0.02, "4": 0.03, "5": 0.04 }
          },
          "terms": [
            { "name": "constant", "kind": "anyDimensionAtLevels", "levels": [2, 3, 4, 5], "decrement": 0.1 },
            { "name": "per-severe", "kind": "perDimensionAtLevels", "levels": [4, 5], "decrement": 0.05 }
          ]
        }
        """;

    [Fact]
    public void Read_ArbitraryStream_LoadsAValueSetThatScoresWithItsTerms()
    {
        var loaded = Eq5dValueSetReader.Read(Eq5dTestData.Utf8(CustomValueSet));

        Assert.True(loaded.IsSuccess, string.Join("; ", loaded.Errors));
        var valueSet = loaded.Value!;
        Assert.Equal("Testland", valueSet.Name);
        Assert.Equal(Eq5dVersion.FiveLevel, valueSet.Version);
        Assert.Equal(2, valueSet.Terms.Count);
        // 11111: no term applies.
        Assert.Equal(1.000m, Eq5dIndexCalculator.Score(valueSet, Eq5dTestData.State(Eq5dVersion.FiveLevel, "11111")).Score!.Index);
        // 21111: 1 - 0.01 - constant 0.1 = 0.89.
        Assert.Equal(0.890m, Eq5dIndexCalculator.Score(valueSet, Eq5dTestData.State(Eq5dVersion.FiveLevel, "21111")).Score!.Index);
        // 45311: 1 - (0.03 + 0.04 + 0.02) - 0.1 - 2 x 0.05 = 0.71.
        Assert.Equal(0.710m, Eq5dIndexCalculator.Score(valueSet, Eq5dTestData.State(Eq5dVersion.FiveLevel, "45311")).Score!.Index);
    }

    [Fact]
    public void Read_FileOnDisk_AddsAValueSetToTheCatalogWithoutCodeChanges()
    {
        var path = Path.Combine(Path.GetTempPath(), $"eq5d-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, CustomValueSet);
        try
        {
            using var file = File.OpenRead(path);
            var loaded = Eq5dValueSetReader.Read(file);
            var catalog = Eq5dValueSetCatalog.BuiltIn.With(loaded.Value!);

            Assert.True(catalog.IsSuccess);
            Assert.True(catalog.Value!.TryGet(Eq5dVersion.FiveLevel, "Testland", out _));
            Assert.True(catalog.Value.TryGet(Eq5dVersion.FiveLevel, "USA", out _));
            Assert.False(Eq5dValueSetCatalog.BuiltIn.TryGet(Eq5dVersion.FiveLevel, "Testland", out _));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void With_NameAlreadyInCatalog_IsRefused()
    {
        var usa = CustomValueSet.Replace("\"Testland\"", "\"usa\"");

        var catalog = Eq5dValueSetCatalog.BuiltIn.With(Eq5dValueSetReader.Read(Eq5dTestData.Utf8(usa)).Value!);

        Assert.False(catalog.IsSuccess);
        Assert.Contains("already has", catalog.Errors.Single().Message);
    }

    [Theory]
    [InlineData(", \"5\": 0.04 }", " }", "$.decrements.MO.5")]
    [InlineData("\"version\": \"5L\"", "\"version\": \"4L\"", "$.version")]
    [InlineData("\"doi\": \"10.0000/testland\"", "\"dio\": \"10.0000/testland\"", "$.source.dio")]
    [InlineData("\"name\": \"Testland\",", "", "$.name")]
    [InlineData("\"kind\": \"anyDimensionAtLevels\"", "\"kind\": \"sometimes\"", "$.terms[0].kind")]
    [InlineData("\"levels\": [4, 5]", "\"levels\": [4, 6]", "$.terms[1].levels[1]")]
    [InlineData("\"decrement\": 0.1", "\"decrement\": \"0.1\"", "$.terms[0].decrement")]
    [InlineData("\"AD\": {", "\"XX\": {", "$.decrements.XX")]
    public void Read_FaultyDocument_ReportsTheProblemWithItsPath(string find, string replace, string expectedPath)
    {
        var index = CustomValueSet.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, $"test setup: '{find}' not found");
        var json = string.Concat(CustomValueSet.AsSpan(0, index), replace, CustomValueSet.AsSpan(index + find.Length));

        var loaded = Eq5dValueSetReader.Read(Eq5dTestData.Utf8(json));

        Assert.False(loaded.IsSuccess);
        Assert.Null(loaded.Value);
        Assert.Contains(loaded.Errors, e => e.Path == expectedPath);
    }

    [Fact]
    public void Read_NotJson_FailsAsData()
    {
        var loaded = Eq5dValueSetReader.Read(Eq5dTestData.Utf8("{ not json"));

        Assert.False(loaded.IsSuccess);
        Assert.Equal("$", loaded.Errors.Single().Path);
    }
}
