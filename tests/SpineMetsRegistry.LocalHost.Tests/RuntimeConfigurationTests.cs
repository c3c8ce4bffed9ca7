using System.Text.Json;

namespace SpineMetsRegistry.LocalHost.Tests;

public sealed class RuntimeConfigurationTests
{
    [Fact]
    public void RuntimeConfig_LocalHost_WorkstationGarbageCollector()
    {
        // The Web SDK defaults to server GC, which peaked 268 MiB higher ingesting a 20,000-row
        // batch (the `memory` benchmark); the local host opts out, and this is what it runs with.
        var path = Path.Combine(AppContext.BaseDirectory, "SpineMetsRegistry.LocalHost.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
    }

    [Fact]
    public void RuntimeConfig_LocalHost_CollectorConservesMemory()
    {
        // Without it a 20,000-row batch peaked at 408 MiB in the ingest worker, with it at
        // 287 MiB (the `memory` benchmark, Debug build): Directory.Build.targets sets it for
        // every process that ingests.
        Assert.Equal(9, ConfigProperties().GetProperty("System.GC.ConserveMemory").GetInt32());
    }

    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "SpineMetsRegistry.LocalHost.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        return config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
