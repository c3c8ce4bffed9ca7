using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;
using SpineMetsRegistry.Azurite.Server;
using SpineMetsRegistry.Azurite.Tests.Support;
using Xunit.Abstractions;

namespace SpineMetsRegistry.Azurite.Tests.Server;

/// <summary>Starting, running side by side, and stopping real Azurite processes.</summary>
public sealed class AzuriteServerLifecycleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StartAsync_InMemory_ServesOnFreeLoopbackPortsWithinSeconds()
    {
        var installation = await SharedInstallation.GetAsync();

        await using var server = await AzuriteServer.StartAsync(installation);
        output.WriteLine($"started in {server.StartupDuration.TotalSeconds:0.00} s on {server.BlobPort}/{server.QueuePort}/{server.TablePort}");

        Assert.Equal(3, new[] { server.BlobPort, server.QueuePort, server.TablePort }.Distinct().Count());
        Assert.Equal(new Uri($"http://127.0.0.1:{server.BlobPort}/devstoreaccount1"), server.Endpoints.BlobServiceUri);
        Assert.Contains($"TableEndpoint=http://127.0.0.1:{server.TablePort}/devstoreaccount1;", server.ConnectionString);
        Assert.InRange(server.StartupDuration, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.False(server.HasExited);
    }

    [Fact]
    public async Task StartAsync_TwoServers_RunSideBySideWithSeparateStorage()
    {
        var installation = await SharedInstallation.GetAsync();
        await using var first = await AzuriteServer.StartAsync(installation);
        await using var second = await AzuriteServer.StartAsync(installation);

        int[] ports = [first.BlobPort, first.QueuePort, first.TablePort, second.BlobPort, second.QueuePort, second.TablePort];
        Assert.Equal(6, ports.Distinct().Count());
        var inFirst = new BlobContainerClient(first.ConnectionString, "shared-name");
        var inSecond = new BlobContainerClient(second.ConnectionString, "shared-name");
        await inFirst.CreateAsync();
        await inSecond.CreateAsync();
        await inFirst.UploadBlobAsync("only-in-first.txt", BinaryData.FromString("first"));

        Assert.True((await inFirst.GetBlobClient("only-in-first.txt").ExistsAsync()).Value);
        Assert.False((await inSecond.GetBlobClient("only-in-first.txt").ExistsAsync()).Value);
    }

    [Fact]
    public async Task DisposeAsync_AfterUse_EndsTheProcessAndFreesItsPorts()
    {
        var installation = await SharedInstallation.GetAsync();
        var server = await AzuriteServer.StartAsync(installation);
        var container = new BlobContainerClient(server.ConnectionString, "before-dispose");
        await container.CreateAsync();
        await container.UploadBlobAsync("a.txt", BinaryData.FromString("a"));
        Assert.True(ProcessProbe.IsRunning(server.ProcessId));

        await server.DisposeAsync();

        Assert.True(server.HasExited);
        Assert.False(ProcessProbe.IsRunning(server.ProcessId));
        foreach (var port in new[] { server.BlobPort, server.QueuePort, server.TablePort })
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
    }

    [Fact]
    public async Task Dispose_Synchronous_EndsTheProcess()
    {
        var installation = await SharedInstallation.GetAsync();
        var server = await AzuriteServer.StartAsync(installation);

        server.Dispose();

        Assert.False(ProcessProbe.IsRunning(server.ProcessId));
    }

    [Fact]
    public async Task StartAsync_FixedPortsOfAStoppedServer_StartsAgainOnTheSamePorts()
    {
        var installation = await SharedInstallation.GetAsync();
        var first = await AzuriteServer.StartAsync(installation);
        var fixedPorts = AzuriteServerOptions.InMemory with
        {
            BlobPort = first.BlobPort,
            QueuePort = first.QueuePort,
            TablePort = first.TablePort,
        };
        await new BlobContainerClient(first.ConnectionString, "traffic").CreateAsync();
        await first.DisposeAsync();

        await using var second = await AzuriteServer.StartAsync(installation, fixedPorts);

        Assert.Equal((first.BlobPort, first.QueuePort, first.TablePort), (second.BlobPort, second.QueuePort, second.TablePort));
        Assert.False((await new BlobContainerClient(second.ConnectionString, "traffic").ExistsAsync()).Value);
    }

    [Fact]
    public async Task SimulateParentExit_ParentsEndOfStdinCloses_AzuriteShutsItselfDownPromptly()
    {
        var installation = await SharedInstallation.GetAsync();
        await using var server = await AzuriteServer.StartAsync(installation);

        server.SimulateParentExit();
        // Well inside the watch script's 10 s backstop: Azurite's own shutdown ended the process.
        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(8));

        Assert.Equal(0, exitCode);
        Assert.False(ProcessProbe.IsRunning(server.ProcessId));
    }

    [Fact]
    public async Task StartAsync_RequestedPortInUse_FailsWithPortUnavailable()
    {
        var installation = await SharedInstallation.GetAsync();
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var busyPort = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var failure = await Assert.ThrowsAsync<AzuriteException>(
            () => AzuriteServer.StartAsync(installation, AzuriteServerOptions.InMemory with { BlobPort = busyPort }));

        Assert.Equal(AzuriteFailure.PortUnavailable, failure.Failure);
        Assert.Contains(busyPort.ToString(), failure.Message);
    }

    [Fact]
    public async Task StartAsync_AzuriteRejectsItsArguments_FailsWithAzuritesOutput()
    {
        var installation = await SharedInstallation.GetAsync();
        using var somewhere = new TemporaryDirectory();
        var contradictory = AzuriteServerOptions.InMemory with { ExtraArguments = ["--location", somewhere.Path] };

        var failure = await Assert.ThrowsAsync<AzuriteException>(() => AzuriteServer.StartAsync(installation, contradictory));

        Assert.Equal(AzuriteFailure.StartFailed, failure.Failure);
        Assert.Contains("--inMemoryPersistence option is not supported", failure.Message);
    }

    [Fact]
    public async Task StartAsync_NotReadyInTime_FailsWithStartTimedOut()
    {
        var installation = await SharedInstallation.GetAsync();
        var impatient = AzuriteServerOptions.InMemory with { StartupTimeout = TimeSpan.Zero };

        var failure = await Assert.ThrowsAsync<AzuriteException>(() => AzuriteServer.StartAsync(installation, impatient));

        Assert.Equal(AzuriteFailure.StartTimedOut, failure.Failure);
        Assert.Contains("was stopped", failure.Message);
    }

    [Fact]
    public async Task StartAsync_NodeMissing_FailsWithNodeNotFound()
    {
        var installation = await SharedInstallation.GetAsync() with { NodePath = "/nonexistent/bin/node" };

        var failure = await Assert.ThrowsAsync<AzuriteException>(() => AzuriteServer.StartAsync(installation));

        Assert.Equal(AzuriteFailure.NodeNotFound, failure.Failure);
        Assert.Contains("/nonexistent/bin/node", failure.Message);
    }

    [Fact]
    public async Task StartAsync_OnDisk_KeepsDataAcrossRestarts()
    {
        var installation = await SharedInstallation.GetAsync();
        using var data = new TemporaryDirectory();
        var onDisk = AzuriteServerOptions.OnDisk(data.Path);

        await using (var first = await AzuriteServer.StartAsync(installation, onDisk))
        {
            var container = new BlobContainerClient(first.ConnectionString, "kept");
            await container.CreateAsync();
            await container.UploadBlobAsync("note.txt", BinaryData.FromString("still here"));
        }

        await using var second = await AzuriteServer.StartAsync(installation, onDisk);
        var content = await new BlobContainerClient(second.ConnectionString, "kept").GetBlobClient("note.txt").DownloadContentAsync();

        Assert.Equal("still here", content.Value.Content.ToString());
        Assert.NotEmpty(Directory.EnumerateFileSystemEntries(data.Path));
    }
}
