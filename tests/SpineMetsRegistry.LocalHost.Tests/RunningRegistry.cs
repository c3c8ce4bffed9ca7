using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using SpineMetsRegistry.LocalHost.Demo;
using SpineMetsRegistry.LocalHost.Hosting;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.LocalHost.Tests;

/// <summary>
/// One local registry on the collection's Azurite, with the demo batches processed: the
/// same start-up path the command line takes, isolated by a unique storage prefix.
/// </summary>
public sealed class RunningRegistry : IAsyncDisposable
{
    private RunningRegistry(LocalRegistryHost host, IReadOnlyList<DemoBatch> demo, FollowUpSweepResult? startupSweep, string stateDirectory)
    {
        Host = host;
        Demo = demo;
        StartupSweep = startupSweep;
        StateDirectory = stateDirectory;
    }

    public LocalRegistryHost Host { get; }

    public IReadOnlyList<DemoBatch> Demo { get; }

    public string StateDirectory { get; }

    /// <summary>The sweep the command line runs after the demo's batches (as of today).</summary>
    public FollowUpSweepResult? StartupSweep { get; }

    public static async Task<RunningRegistry> StartWithDemoAsync(AzuriteFixture azurite)
    {
        var state = Directory.CreateTempSubdirectory("spinemets-localhost-").FullName;
        var host = await LocalRegistryHost.StartAsync(new LocalHostSettings
        {
            Port = 0,
            StorageConnectionString = azurite.ConnectionString,
            StateDirectory = state,
            StoragePrefix = "lh" + Guid.NewGuid().ToString("N")[..8],
            WatchInterval = TimeSpan.FromMilliseconds(200),
            ScheduleDailySweep = false,
            Demo = true,
        });
        // As long as the command line waits: on a loaded machine five batches take minutes.
        var demo = await host.Services.GetRequiredService<DemoRunner>().RunAsync(TimeSpan.FromMinutes(10));
        var sweep = await host.RunStartupSweepAsync();
        return new RunningRegistry(host, demo, sweep, state);
    }

    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(StateDirectory, recursive: true);
    }
}
