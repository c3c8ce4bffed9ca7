using System.Text.Json;
using SpineMetsRegistry.Cli.Tests.TestSupport;

namespace SpineMetsRegistry.Cli.Tests.Stats;

/// <summary><c>spinemets stats km --in FILE [--json]</c>.</summary>
public sealed class StatsKmCommandTests : IDisposable
{
    // Freireich et al. (Blood 1963) 6-MP group, weeks; * = censored: 6 6 6 6* 7 9* 10 10* 11* 13 16 17* 19* 20* 22 23 25* 32* 32* 34* 35*.
    private const string SixMp = "time,event\n6,1\n6,1\n6,1\n6,0\n7,1\n9,0\n10,1\n10,0\n11,0\n13,1\n16,1\n17,0\n19,0\n20,0\n22,1\n23,1\n25,0\n32,0\n32,0\n34,0\n35,0\n";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Km_Json_FreireichSixMpMatchesKleinMoeschberger()
    {
        var run = await CliRun.InvokeAsync("stats", "km", "--in", _folder.Write("6mp.csv", SixMp), "--json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(23, root.GetProperty("median").GetDecimal());
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal([6m, 7m, 10m, 13m, 16m, 22m, 23m], steps.Select(s => s.GetProperty("time").GetDecimal()));
        // Klein & Moeschberger Table 4.1A: S(13) = 0.690, SE 0.107; R log-log limits 0.432-0.849.
        var week13 = steps[3];
        Assert.Equal(12, week13.GetProperty("atRisk").GetInt32());
        Assert.Equal(1, week13.GetProperty("events").GetInt32());
        Assert.Equal(0, week13.GetProperty("censored").GetInt32());
        Assert.Equal(0.690, Math.Round(week13.GetProperty("survival").GetDouble(), 3));
        Assert.Equal(0.107, Math.Round(week13.GetProperty("standardError").GetDouble(), 3));
        Assert.Equal(0.432, Math.Round(week13.GetProperty("lower").GetDouble(), 3));
        Assert.Equal(0.849, Math.Round(week13.GetProperty("upper").GetDouble(), 3));
    }

    [Fact]
    public async Task Km_Json_MedianNotReached_Null()
    {
        var run = await CliRun.InvokeAsync("stats", "km", "--in", _folder.Write("few.csv", "time,event\n1,1\n2,0\n3,0\n4,0\n"), "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(run.Output).RootElement.GetProperty("median").ValueKind);
    }

    [Fact]
    public async Task Km_FractionalTimes_Accepted()
    {
        var run = await CliRun.InvokeAsync("stats", "km", "--in", _folder.Write("months.csv", "time,event\n0.5,1\n1.25,1\n2,0\n"), "--json");

        Assert.Equal(0, run.ExitCode);
        var steps = JsonDocument.Parse(run.Output).RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal([0.5m, 1.25m], steps.Select(s => s.GetProperty("time").GetDecimal()));
    }

    [Fact]
    public async Task Km_Text_ReadableTableWithMedian()
    {
        var run = await CliRun.InvokeAsync("stats", "km", "--in", _folder.Write("6mp.csv", SixMp));

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Contains(lines, l => l.Contains("at risk", StringComparison.Ordinal) && l.Contains("survival", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("13 ", StringComparison.Ordinal) && l.Contains("0.6902", StringComparison.Ordinal));
        Assert.Contains("Median survival: 23 (95% CI 13 to not reached", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("t,e\n1,1\n", "line 1: the header must be exactly 'time,event'")]
    [InlineData("time,event\n", "header but no rows")]
    [InlineData("time,event\n1,1\nabc,1\n", "line 3: time is not a number")]
    [InlineData("time,event\n1,1\n-2,0\n", "line 3: time is negative")]
    [InlineData("time,event\n1,1\n2,2\n", "line 3: event must be 1 (event) or 0 (censored)")]
    [InlineData("time,event\n1,1\n\n2\n", "line 4: expected 2 fields")]
    public async Task Km_BadInput_SpecificErrorWithLineAndExitOne(string content, string message)
    {
        var run = await CliRun.InvokeAsync("stats", "km", "--in", _folder.Write("bad.csv", content));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task Km_BadValue_NotEchoed()
    {
        var run = await CliRun.InvokeAsync("stats", "km", "--in", _folder.Write("bad.csv", "time,event\n1,1\n123-45-6789,0\n"));

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("123-45-6789", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Km_MissingIn_UsageErrorTwo()
    {
        var run = await CliRun.InvokeAsync("stats", "km");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--in", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Km_FileNotFound_UsageErrorTwo()
    {
        var run = await CliRun.InvokeAsync("stats", "km", "--in", Path.Combine(_folder.Path, "absent.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("File not found", run.Error, StringComparison.Ordinal);
    }
}
