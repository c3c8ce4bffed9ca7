namespace SpineMetsRegistry.Cli.Tests.Commands;

public sealed class ScoreEq5dCommandTests
{
    [Fact]
    public async Task Eq5d_DocumentedForm_PrintsOneJsonObjectWithStateValueSetAndIndex()
    {
        var run = await CliRun.InvokeAsync("score eq5d --version 5L --value-set USA --state 55555");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        var line = run.Single();
        Assert.Equal("55555", line.GetProperty("state").GetString());
        Assert.Equal("USA", line.GetProperty("valueSet").GetString());
        Assert.Equal(-0.573m, line.GetProperty("index").GetDecimal());
        Assert.Equal("5L", line.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Eq5d_SeveralStates_OneLinePerStateInOrder()
    {
        var run = await CliRun.InvokeAsync("score eq5d --version 5L --value-set Netherlands --state 21111 55511 --state 44444 --state 55555");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [("21111", 0.918m), ("55511", 0.390m), ("44444", -0.289m), ("55555", -0.446m)],
            run.Objects.Select(o => (o.GetProperty("state").GetString(), o.GetProperty("index").GetDecimal())));
    }

    [Fact]
    public async Task Eq5d_NoStateOption_ReadsStatesFromStandardInput()
    {
        var run = await CliRun.InvokeAsync("score eq5d --version 5L --value-set England", "21111\n\n 11112 \n23245\n55555\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([0.942m, 0.922m, 0.247m, -0.285m], run.Objects.Select(o => o.GetProperty("index").GetDecimal()));
    }

    [Fact]
    public async Task Eq5d_NoValueSet_UsesTheRegistryDefaultForTheVersion()
    {
        var run = await CliRun.InvokeAsync("score eq5d --version 3L --state 12321");

        Assert.Equal("UK-TTO", run.Single().GetProperty("valueSet").GetString());
        Assert.Equal(0.329m, run.Single().GetProperty("index").GetDecimal());
    }

    [Fact]
    public async Task Eq5d_OneStateCannotBeScored_ReportsItOnStandardErrorAndStillPrintsTheOthers()
    {
        var run = await CliRun.InvokeAsync("score eq5d --version 5L --value-set USA --state 21354 56555 21111");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["21354", "21111"], run.Objects.Select(o => o.GetProperty("state").GetString()));
        Assert.Contains("56555", run.Error);
    }

    [Theory]
    [InlineData("score eq5d --version 5L --value-set UK --state 11111", "available: England")]
    [InlineData("score eq5d --version 4L --state 11111", "3L, 5L")]
    [InlineData("score eq5d --value-set USA --state 11111", "--version")]
    [InlineData("score eq5d --version 3L --value-set USA --state 11111", "UK-TTO")]
    public async Task Eq5d_InvalidCommandLine_IsAUsageErrorWithAClearMessage(string commandLine, string expectedInMessage)
    {
        var run = await CliRun.InvokeAsync(commandLine);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains(expectedInMessage, run.Error);
    }

    [Fact]
    public async Task Eq5d_NoStatesAnywhere_IsAUsageError()
    {
        var run = await CliRun.InvokeAsync("score eq5d --version 5L", string.Empty);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No health state", run.Error);
    }

    [Fact]
    public async Task Eq5d_ValueSetFile_AddsAValueSetWithoutCodeChanges()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vs-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            {
              "name": "Testland", "version": "3L",
              "source": { "citation": "Hypothetical", "doi": "10.0000/testland" },
              "decrements": {
                "MO": { "2": 0.1, "3": 0.2 }, "SC": { "2": 0.1, "3": 0.2 }, "UA": { "2": 0.1, "3": 0.2 },
                "PD": { "2": 0.1, "3": 0.2 }, "AD": { "2": 0.1, "3": 0.2 }
              },
              "terms": [ { "name": "constant", "kind": "anyDimensionAtLevels", "levels": [2, 3], "decrement": 0.05 } ]
            }
            """);
        try
        {
            var run = await CliRun.InvokeAsync($"score eq5d --version 3L --value-set-file {path} --value-set Testland --state 21113");

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("Testland", run.Single().GetProperty("valueSet").GetString());
            // 1 - 0.1 - 0.2 - 0.05 = 0.65.
            Assert.Equal(0.650m, run.Single().GetProperty("index").GetDecimal());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
