using System.Text.Json;
using SpineMetsRegistry.FunctionApp.Tests.Support;

namespace SpineMetsRegistry.FunctionApp.Tests;

/// <summary>The runtime settings the Functions app's worker process starts with (its runtimeconfig.json, next to functions.metadata).</summary>
public sealed class RuntimeConfigurationTests
{
    [Fact]
    public void RuntimeConfig_FunctionApp_CollectorConservesMemory()
    {
        // The worker ingests in Azure: the same collector setting as the local host, whose
        // ingest the `memory` benchmark measures (Directory.Build.targets).
        var path = Path.Combine(Path.GetDirectoryName(FunctionsMetadata.Path)!, "SpineMetsRegistry.FunctionApp.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(9, properties.GetProperty("System.GC.ConserveMemory").GetInt32());
    }
}
