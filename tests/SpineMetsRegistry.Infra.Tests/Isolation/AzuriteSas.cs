using Azure;
using Azure.Data.Tables;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Sas;

namespace SpineMetsRegistry.Infra.Tests.Isolation;

/// <summary>
/// Issues the shared access signatures of <see cref="LocalGrants"/> on an Azurite account and
/// builds SDK clients that carry them: the local stand-in for a principal's Entra token.
/// </summary>
public sealed class AzuriteSas
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly StorageSharedKeyCredential _key;

    public AzuriteSas(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        _key = new StorageSharedKeyCredential(parts["AccountName"], parts["AccountKey"]);
        BlobEndpoint = parts["BlobEndpoint"].TrimEnd('/');
        QueueEndpoint = parts["QueueEndpoint"].TrimEnd('/');
        TableEndpoint = parts["TableEndpoint"].TrimEnd('/');
    }

    public string BlobEndpoint { get; }

    public string QueueEndpoint { get; }

    public string TableEndpoint { get; }

    /// <summary>The SAS a grant issues for a resource: the container, queue or blob it names, or the account.</summary>
    public string Issue(LocalSas sas, string? container = null, string? blob = null, string? queue = null)
    {
        ArgumentNullException.ThrowIfNull(sas);
        var expires = DateTimeOffset.UtcNow + Lifetime;
        switch (sas.Kind)
        {
            case SasKind.Container:
            {
                var builder = new BlobSasBuilder { BlobContainerName = container, Resource = "c", ExpiresOn = expires };
                builder.SetPermissions(sas.Permissions);
                return builder.ToSasQueryParameters(_key).ToString();
            }

            case SasKind.BlobUnderReadablePrefixes:
            {
                if (blob is null || !(blob.StartsWith("reports/", StringComparison.Ordinal) || blob.StartsWith("reminders/", StringComparison.Ordinal)))
                {
                    throw new InvalidOperationException($"A site is never issued a read signature for {blob ?? "a container"}.");
                }

                var builder = new BlobSasBuilder { BlobContainerName = container, BlobName = blob, Resource = "b", ExpiresOn = expires };
                builder.SetPermissions(sas.Permissions);
                return builder.ToSasQueryParameters(_key).ToString();
            }

            case SasKind.Queue:
            {
                var builder = new QueueSasBuilder { QueueName = queue, ExpiresOn = expires };
                builder.SetPermissions(sas.Permissions);
                return builder.ToSasQueryParameters(_key).ToString();
            }

            case SasKind.AccountBlobs or SasKind.AccountQueues or SasKind.AccountTables:
            {
                var services = sas.Kind switch
                {
                    SasKind.AccountBlobs => AccountSasServices.Blobs,
                    SasKind.AccountQueues => AccountSasServices.Queues,
                    _ => AccountSasServices.Tables,
                };
                var builder = new AccountSasBuilder { Services = services, ResourceTypes = AccountSasResourceTypes.All, ExpiresOn = expires };
                builder.SetPermissions(sas.Permissions);
                return builder.ToSasQueryParameters(_key).ToString();
            }

            default:
                throw new InvalidOperationException($"{sas.Kind} grants no storage access.");
        }
    }

    public BlobContainerClient Container(string container, string sas) => new(new Uri($"{BlobEndpoint}/{container}?{sas}"));

    public BlobClient Blob(string container, string blob, string sas) => new(new Uri($"{BlobEndpoint}/{container}/{blob}?{sas}"));

    public QueueClient Queue(string queue, string sas) => new(new Uri($"{QueueEndpoint}/{queue}?{sas}"));

    public TableClient Table(string table, string sas) => new TableServiceClient(new Uri(TableEndpoint), new AzureSasCredential(sas)).GetTableClient(table);
}
