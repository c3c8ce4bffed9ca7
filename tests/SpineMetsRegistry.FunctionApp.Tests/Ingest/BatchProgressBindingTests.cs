using System.Text.Json.Nodes;
using SpineMetsRegistry.FunctionApp.Tests.Support;
using Routes = SpineMetsRegistry.Api.Http.RegistryRoutes;

namespace SpineMetsRegistry.FunctionApp.Tests.Ingest;

/// <summary>The batch HTTP functions are bound a durable client, the only way progress reaches the batch API in Azure.</summary>
public sealed class BatchProgressBindingTests
{
    [Theory]
    [InlineData(Routes.Names.ListBatches)]
    [InlineData(Routes.Names.GetBatch)]
    public void BatchFunction_Bindings_IncludeADurableClient(string function)
    {
        var entry = JsonNode.Parse(File.ReadAllText(FunctionsMetadata.Path))!.AsArray().Single(f => f!["name"]!.GetValue<string>() == function)!;

        Assert.Contains(entry["bindings"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "durableClient" && b["direction"]!.GetValue<string>() == "In");
    }
}
