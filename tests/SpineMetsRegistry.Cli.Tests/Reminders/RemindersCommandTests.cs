using System.Net;
using System.Net.Sockets;
using SpineMetsRegistry.Cli.Tests.TestSupport;

namespace SpineMetsRegistry.Cli.Tests.Reminders;

/// <summary>
/// <c>spinemets reminders</c>: what it says when the registry cannot be reached or the
/// command line is wrong. (Its answers from a running registry, and 401/403, are tested
/// against the real local host in SpineMetsRegistry.FollowUp.Tests.)
/// </summary>
public sealed class RemindersCommandTests
{
    /// <summary>A loopback port nothing listens on: bound, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task Reminders_NothingListening_ConnectionRefusedExplainedExitThree()
    {
        var api = $"http://127.0.0.1:{ClosedPort()}";

        var run = await CliRun.InvokeAsync("reminders", "--site", "S01", "--api", api, "--key", "k");

        Assert.Equal(SpineMetsCommandLine.Unavailable, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains($"Cannot reach the registry at {api}/: connection refused", run.Error, StringComparison.Ordinal);
        Assert.Contains("SpineMetsRegistry.LocalHost", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--date", "2026-13-01", "--date must be a date written YYYY-MM-DD.")]
    [InlineData("--date", "01/06/2026", "--date must be a date written YYYY-MM-DD.")]
    [InlineData("--api", "ftp://registry", "--registry must be an http(s) address")]
    [InlineData("--api", "not a url", "--registry must be an http(s) address")]
    public async Task Reminders_BadOption_UsageErrorNothingSent(string option, string value, string message)
    {
        var run = await CliRun.InvokeAsync("reminders", "--site", "S01", "--key", "k", option, value);

        Assert.Equal(SpineMetsCommandLine.UsageError, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_NoKey_UsageErrorNamesTheVariable()
    {
        var saved = Environment.GetEnvironmentVariable("SPINEMETS_API_KEY");
        Environment.SetEnvironmentVariable("SPINEMETS_API_KEY", null);
        try
        {
            var run = await CliRun.InvokeAsync("reminders", "--site", "S01", "--api", $"http://127.0.0.1:{ClosedPort()}");

            Assert.Equal(SpineMetsCommandLine.UsageError, run.ExitCode);
            Assert.Contains("--key KEY or $SPINEMETS_API_KEY", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SPINEMETS_API_KEY", saved);
        }
    }

    [Fact]
    public async Task Reminders_NoSite_ParseError()
    {
        var run = await CliRun.InvokeAsync("reminders", "--key", "k");

        Assert.Equal(SpineMetsCommandLine.UsageError, run.ExitCode);
        Assert.Contains("--site", run.Error, StringComparison.Ordinal);
    }
}
