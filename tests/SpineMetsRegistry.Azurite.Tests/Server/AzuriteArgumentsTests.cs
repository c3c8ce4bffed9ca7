using SpineMetsRegistry.Azurite.Server;

namespace SpineMetsRegistry.Azurite.Tests.Server;

public sealed class AzuriteArgumentsTests
{
    private static readonly AzuriteEndpoints Endpoints = new("127.0.0.1", 41000, 41001, 41002);

    [Fact]
    public void For_InMemory_BindsLoopbackWithTheCompatibilityFlags()
    {
        var arguments = AzuriteArguments.For(AzuriteServerOptions.InMemory, Endpoints, dataDirectory: null);

        Assert.Equal(
            ["--blobHost", "127.0.0.1", "--blobPort", "41000", "--queueHost", "127.0.0.1", "--queuePort", "41001",
             "--tableHost", "127.0.0.1", "--tablePort", "41002", "--skipApiVersionCheck", "--loose",
             "--disableProductStyleUrl", "--disableTelemetry", "--silent", "--inMemoryPersistence"],
            arguments);
    }

    [Fact]
    public void For_OnDiskWithAccessLogAndExtras_UsesTheDataFolderAndAppendsExtras()
    {
        var options = AzuriteServerOptions.OnDisk("/data/azurite") with { AccessLog = true, ExtraArguments = ["--debug", "/tmp/a.log"] };

        var arguments = AzuriteArguments.For(options, Endpoints, "/data/azurite");

        Assert.DoesNotContain("--inMemoryPersistence", arguments);
        Assert.DoesNotContain("--silent", arguments);
        Assert.Equal(["--location", "/data/azurite", "--debug", "/tmp/a.log"], arguments.TakeLast(4));
    }
}
