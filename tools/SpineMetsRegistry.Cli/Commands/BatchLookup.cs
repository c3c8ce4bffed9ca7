using System.Text.Json;
using SpineMetsRegistry.Cli.Registry;

namespace SpineMetsRegistry.Cli.Commands;

/// <summary>Finds a site's batch by what a person knows of it: its batch key, batch ID or file name (the newest when several match).</summary>
internal static class BatchLookup
{
    public static async Task<RegistryResult<JsonDocument>> ListAsync(RegistryClient client, string site, CancellationToken cancellationToken) =>
        await client.GetJsonAsync($"api/sites/{Uri.EscapeDataString(site)}/batches", site, "read the batches", $"Site {site} is not in the registry", cancellationToken);

    public static async Task<RegistryResult<string>> FindKeyAsync(RegistryClient client, string site, string batch, CancellationToken cancellationToken)
    {
        var list = await ListAsync(client, site, cancellationToken);
        if (list.Failure is not null)
        {
            return list.Failure;
        }

        using var document = list.Value!;
        foreach (var entry in document.RootElement.GetProperty("batches").EnumerateArray())
        {
            // The list is newest first: the first match is the latest upload of that name.
            if (Text(entry, "batchKey") == batch || Text(entry, "batchId") == batch || Text(entry, "fileName") == batch)
            {
                return new RegistryResult<string>(Text(entry, "batchKey"), null);
            }
        }

        return RegistryFailure.NotFound($"Site {site} has no batch '{batch}'");
    }

    public static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
