using System.Text.Json;

namespace SpineMetsRegistry.Cli.Tests.Commands;

public sealed class ScoreInstrumentCommandTests
{
    [Fact]
    public async Task Sins_NamedOptions_PrintsTheResultWithProvenance()
    {
        var run = await CliRun.InvokeAsync("score sins --level T11 --pain mechanical --bone-lesion lytic --alignment deformity --collapse under_50 --posterolateral unilateral");

        Assert.Equal(0, run.ExitCode);
        var result = run.Single();
        Assert.Equal("SINS", result.GetProperty("instrument").GetString());
        Assert.Equal(13, Score(result).GetProperty("total").GetInt32());
        Assert.Equal("unstable", Score(result).GetProperty("category").GetString());
        Assert.Equal("T11", result.GetProperty("inputs").GetProperty("level").GetString());
    }

    [Theory]
    [InlineData("score sins --level T13 --pain mechanical --bone-lesion lytic --alignment normal --collapse none --posterolateral none", "T13")]
    [InlineData("score sins --level T6 --pain sharp --bone-lesion lytic --alignment normal --collapse none --posterolateral none", "mechanical, occasional, none")]
    [InlineData("score sins --level T6 --bone-lesion lytic --alignment normal --collapse none --posterolateral none", "--pain")]
    public async Task Sins_InvalidOrMissingOption_IsAUsageError(string commandLine, string expectedInMessage)
    {
        var run = await CliRun.InvokeAsync(commandLine);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains(expectedInMessage, run.Error);
    }

    [Fact]
    public async Task Sosgoq_Items_PrintsDomainsAndTotal()
    {
        var items = string.Join(' ', Enumerable.Range(1, 20).Select(n => $"--item sosgoq_{n:00}={(n <= 5 ? 1 : 3)}"));

        var run = await CliRun.InvokeAsync($"score sosgoq {items}");

        Assert.Equal(0, run.ExitCode);
        var score = Score(run.Single());
        // 5 items at 100 and 15 at 50: total 62.5; physical function 100.
        Assert.Equal(62.5m, score.GetProperty("total").GetProperty("score").GetDecimal());
        var pf = score.GetProperty("scales").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "physical_function");
        Assert.Equal(100m, pf.GetProperty("score").GetDecimal());
        Assert.Equal("registry-default-2", run.Single().GetProperty("definitionVersion").GetString());
    }

    [Fact]
    public async Task Sosgoq_LevelOutOfRange_CannotBeScored()
    {
        var run = await CliRun.InvokeAsync("score sosgoq --item sosgoq_01=6");

        Assert.Equal(1, run.ExitCode);
        Assert.False(run.Single().GetProperty("isComputable").GetBoolean());
        Assert.Contains("sosgoq_01", run.Error);
    }

    [Fact]
    public async Task Tokuhashi_DerivedVector_PrintsTotalAndBand()
    {
        var run = await CliRun.InvokeAsync("score tokuhashi --primary kidney --kps 70 --extraspinal 0 --spinal 1 --visceral removable --frankel D");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(10, Score(run.Single()).GetProperty("total").GetInt32());
        Assert.Equal("atLeast6Months", Score(run.Single()).GetProperty("band").GetString());
    }

    [Fact]
    public async Task Tokuhashi_EcogOnly_RecordsTheMapThatConvertedIt()
    {
        var run = await CliRun.InvokeAsync("score tokuhashi --primary lung --ecog 2 --extraspinal 3 --spinal 1 --visceral unremovable --frankel C");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, Score(run.Single()).GetProperty("total").GetInt32());
        Assert.Contains("conventional", run.Single().GetProperty("rules").GetProperty("kpsFromEcog").GetString());
    }

    [Fact]
    public async Task Tokuhashi_NeitherKpsNorEcog_IsAUsageError()
    {
        var run = await CliRun.InvokeAsync("score tokuhashi --primary lung --extraspinal 3 --spinal 1 --visceral unremovable --frankel C");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--kps", run.Error);
    }

    [Fact]
    public async Task Tokuhashi_KpsZero_PrintsTheNotComputableResultAndExitsOne()
    {
        var run = await CliRun.InvokeAsync("score tokuhashi --primary lung --kps 0 --extraspinal 3 --spinal 1 --visceral unremovable --frankel C");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("outside_instrument_range", run.Single().GetProperty("failure").GetProperty("code").GetString());
        Assert.Contains("KPS", run.Error);
    }

    [Theory]
    [InlineData("score tomita --primary lung --visceral unremovable --spinal 3 --extraspinal 2", 10, "supportiveCare")]
    [InlineData("score tomita --primary breast --visceral none --spinal 1 --extraspinal 0", 2, "wideOrMarginalExcision")]
    public async Task Tomita_DerivedVector_PrintsTotalAndStrategy(string commandLine, int total, string strategy)
    {
        var run = await CliRun.InvokeAsync(commandLine);

        Assert.Equal(total, Score(run.Single()).GetProperty("total").GetInt32());
        Assert.Equal(strategy, Score(run.Single()).GetProperty("strategy").GetString());
    }

    [Fact]
    public async Task Bauer_PrintsTotal()
    {
        var run = await CliRun.InvokeAsync("score bauer --primary prostate --visceral none --spinal 3 --extraspinal 2");

        Assert.Equal(2, Score(run.Single()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Nesms_AlbuminInGramsPerLitre_PrintsTotal()
    {
        var run = await CliRun.InvokeAsync("score nesms --primary breast --visceral none --spinal 1 --extraspinal 0 --ambulation independent --albumin 39");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, Score(run.Single()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Nesms_AlbuminThatLooksLikeGramsPerDecilitre_IsAUsageError()
    {
        var run = await CliRun.InvokeAsync("score nesms --primary breast --visceral none --spinal 1 --extraspinal 0 --ambulation independent --albumin 3.9");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("g/L", run.Error);
    }

    [Theory]
    [InlineData("score bilsky --grade 1c", "low")]
    [InlineData("score bilsky --grade 1c --grade-1c-policy high", "high")]
    [InlineData("score bilsky --grade 2", "high")]
    public async Task Bilsky_Grade_PrintsSeverityUnderThePolicy(string commandLine, string severity)
    {
        var run = await CliRun.InvokeAsync(commandLine);

        Assert.Equal(severity, Score(run.Single()).GetProperty("severity").GetString());
    }

    [Theory]
    [InlineData("score noms --primary kidney --bilsky 2 --sins 14", "separationSurgeryThenSrs", "stabilisationToConsider")]
    [InlineData("score noms --primary lymphoma --bilsky 3", "conventionalRadiotherapy", "notAssessed")]
    [InlineData("score noms --primary breast --bilsky 3 --radiosensitive lymphoma myeloma breast", "conventionalRadiotherapy", "notAssessed")]
    [InlineData("score noms --primary melanoma --bilsky 1c --sins 8", "stereotacticRadiosurgery", "clinicalJudgement")]
    public async Task Noms_Options_PrintThePathway(string commandLine, string pathway, string stabilisation)
    {
        var run = await CliRun.InvokeAsync(commandLine);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(pathway, Score(run.Single()).GetProperty("pathway").GetString());
        Assert.Equal(stabilisation, Score(run.Single()).GetProperty("stabilisation").GetString());
    }

    [Theory]
    [InlineData("score saves", "I")]
    [InlineData("score saves --treatment", "II")]
    [InlineData("score saves --extra-days 9", "III")]
    [InlineData("score saves --long-term-effect", "III")]
    [InlineData("score saves --death --extra-days 2", "IV")]
    public async Task Saves_Components_PrintTheGrade(string commandLine, string grade)
    {
        var run = await CliRun.InvokeAsync(commandLine);

        Assert.Equal(grade, Score(run.Single()).GetProperty("grade").GetString());
    }

    [Theory]
    [InlineData("score kps-ecog --kps 70", "ECOG", 1)]
    [InlineData("score kps-ecog --ecog 2", "KPS", 50)]
    [InlineData("score kps-ecog --ecog 1 --kps-ecog-map conventional", "KPS", 70)]
    public async Task KpsEcog_Converts_WithTheNamedMap(string commandLine, string to, int result)
    {
        var run = await CliRun.InvokeAsync(commandLine);

        Assert.Equal(to, Score(run.Single()).GetProperty("to").GetString());
        Assert.Equal(result, Score(run.Single()).GetProperty("result").GetInt32());
        Assert.Equal("conventional", Score(run.Single()).GetProperty("map").GetString());
    }

    [Theory]
    [InlineData("score kps-ecog --kps 70 --ecog 1")]
    [InlineData("score kps-ecog")]
    [InlineData("score kps-ecog --kps 75")]
    [InlineData("score kps-ecog --kps 70 --kps-ecog-map prasad")]
    public async Task KpsEcog_InvalidCommandLine_IsAUsageError(string commandLine)
    {
        Assert.Equal(2, (await CliRun.InvokeAsync(commandLine)).ExitCode);
    }

    [Theory]
    [InlineData("score change --measure nrs_pain --baseline 7 --follow-up 4", "improved", -3)]
    [InlineData("score change --measure nrs_pain --baseline 4 --follow-up 7", "worsened", 3)]
    [InlineData("score change --measure nrs_pain --baseline 4 --follow-up 5", "stable", 1)]
    [InlineData("score change --measure sosgoq_total --baseline 40 --follow-up 55", "improved", 15)]
    [InlineData("score change --measure sosgoq_total --baseline 40 --follow-up 55 --mcid 20", "stable", 15)]
    [InlineData("score change --measure eq5d_index --baseline 0.5 --follow-up 0.45", "stable", -0.05)]
    public async Task Change_Options_PrintChangeAndResponder(string commandLine, string responder, decimal change)
    {
        var run = await CliRun.InvokeAsync(commandLine);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(responder, Score(run.Single()).GetProperty("responder").GetString());
        Assert.Equal(change, Score(run.Single()).GetProperty("change").GetDecimal());
    }

    [Theory]
    [InlineData("score change --measure nrs_pain --baseline 7 --follow-up 11")]
    [InlineData("score change --measure nrs_pain --baseline 7 --follow-up 4.5")]
    [InlineData("score change --measure pain --baseline 7 --follow-up 4")]
    [InlineData("score change --measure eq5d_index --baseline 0.5 --follow-up 1.2")]
    public async Task Change_OutOfRangeOrUnknown_IsAUsageError(string commandLine)
    {
        var run = await CliRun.InvokeAsync(commandLine);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.NotEqual(string.Empty, run.Error);
    }

    private static JsonElement Score(JsonElement result) => result.GetProperty("score");
}

public sealed class ScoreSosgoqDefinitionFileTests
{
    [Fact]
    public async Task Sosgoq_DefinitionFile_ScoresWithThatDefinition()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sosgoq-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            {
              "instrument": "SOSGOQ", "instrumentVersion": "2.0", "definitionVersion": "cli-test-1", "status": "test",
              "notice": "Test definition.",
              "responseLevels": { "lowest": 1, "highest": 5, "best": 5 },
              "itemScoring": "linear0to100", "scaleScoring": "meanOfAnsweredItems", "decimals": 2,
              "scales": [ { "code": "all", "name": "All", "kind": "domain", "minimumAnswered": 1 } ],
              "total": { "minimumAnswered": 1 },
              "items": [ { "code": "x1", "scale": "all" }, { "code": "x2", "scale": "all" } ]
            }
            """);
        try
        {
            var run = await CliRun.InvokeAsync($"score sosgoq --definition {path} --item x1=5 x2=4");

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("cli-test-1", run.Single().GetProperty("definitionVersion").GetString());
            // Level 5 is best in this definition: (100 + 75) / 2.
            Assert.Equal(87.5m, run.Single().GetProperty("score").GetProperty("total").GetProperty("score").GetDecimal());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Sosgoq_InvalidDefinitionFile_IsAUsageErrorNamingTheProblem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sosgoq-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "{ \"instrument\": \"SOSGOQ\" }");
        try
        {
            var run = await CliRun.InvokeAsync($"score sosgoq --definition {path} --item x1=5");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("$.definitionVersion", run.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
