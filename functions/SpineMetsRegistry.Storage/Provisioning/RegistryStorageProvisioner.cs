using Azure;
using Azure.Storage.Blobs.Models;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Provisioning;

/// <summary>
/// Creates everything the registry stores into: every table, the central containers, the
/// ingest queue and its poison queue, and each site's landing container. Idempotent (what
/// exists is left as it is), so the local host runs it at every start. In Azure, Bicep
/// creates these resources and the managed identity may lack the right to create them:
/// the host then does not call this.
/// </summary>
public sealed class RegistryStorageProvisioner(RegistryStorageClients clients)
{
    /// <summary>Creates whatever is missing for the given sites.</summary>
    public async Task EnsureCreatedAsync(IEnumerable<string> siteCodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(siteCodes);

        // Resolve every site first, so a site without a landing account in account mode
        // fails before anything is created.
        var landing = siteCodes.Distinct(StringComparer.OrdinalIgnoreCase).Select(clients.LandingContainer).ToList();

        foreach (var table in RegistryTables.All)
        {
            await clients.Table(table).CreateIfNotExistsAsync(cancellationToken);
        }

        foreach (var area in Enum.GetValues<Pipeline.Blobs.CentralArea>())
        {
            await clients.CentralContainer(area).CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
        }

        await clients.IngestQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await clients.IngestPoisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var container in landing)
        {
            try
            {
                await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
            }
            catch (RequestFailedException failed) when (failed.Status == AzureStatus.Conflict)
            {
                // Being deleted or created concurrently; the next start tries again.
                throw new InvalidOperationException($"Landing container '{container.Name}' could not be created now ({failed.ErrorCode}); retry shortly.", failed);
            }
        }
    }
}
