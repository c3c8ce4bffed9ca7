using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpineMetsRegistry.LocalHost.Hosting;
using SpineMetsRegistry.Pipeline.FollowUp;

namespace SpineMetsRegistry.LocalHost.Tests;

/// <summary>What a person sees when the registry starts: the banner, a quiet console, demo digests with something in them.</summary>
[Collection(DemoRegistryFixture.Collection)]
public sealed class StartupTests(DemoRegistryFixture fixture)
{
    private readonly RunningRegistry _registry = fixture.Registry;

    [Fact]
    public void Banner_RunningHost_FramedWithAddressKeysAndNextSteps()
    {
        using var output = new StringWriter();

        StartupBanner.Write(output, _registry.Host);

        var lines = output.ToString().Split(Environment.NewLine);
        var rules = lines.Where(l => l.Length > 20 && l.All(c => c == '=')).ToList();
        Assert.Equal(2, rules.Count);
        var inside = lines.SkipWhile(l => l != rules[0]).Skip(1).TakeWhile(l => l != rules[1]).ToList();
        var address = _registry.Host.BaseAddress.AbsoluteUri.TrimEnd('/');
        Assert.Contains(inside, l => l.Contains($"SpineMetsRegistry is running at {address}", StringComparison.Ordinal));
        Assert.Contains(inside, l => l.Contains(_registry.Host.CommitteeDashboard.ToString(), StringComparison.Ordinal));
        foreach (var (site, key) in _registry.Host.Credentials.Sites)
        {
            Assert.Contains(inside, l => l.Contains($"site {site}", StringComparison.Ordinal) && l.EndsWith(key, StringComparison.Ordinal));
        }

        Assert.Contains(inside, l => l.Contains($"spinemets login --registry {address} --key", StringComparison.Ordinal));
        Assert.Contains(inside, l => l.Contains("Reminder mails", StringComparison.Ordinal));
    }

    [Fact]
    public void Logging_RoutineRequestLogs_OffTheConsoleOwnLogsOn()
    {
        var loggers = _registry.Host.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("SpineMetsRegistry.LocalHost.Ingest.ContainerWatcher").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void Demo_StartupSweepAfterTheBatches_DigestsHaveReminders()
    {
        var sweep = _registry.StartupSweep;

        Assert.NotNull(sweep);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), sweep.AsOf);
        Assert.NotEqual(SweepMode.AlreadySwept, sweep.Mode);
        Assert.True(sweep.Reminders > 0, sweep.Summary);
        Assert.All(_registry.Demo, b => Assert.True(sweep.Digests.Single(d => d.Site == b.Site).Reminders > 0, b.Site));
    }
}
