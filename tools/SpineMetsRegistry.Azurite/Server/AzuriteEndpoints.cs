namespace SpineMetsRegistry.Azurite.Server;

/// <summary>Where a running Azurite listens, and how the Azure SDK clients reach it.</summary>
public sealed record AzuriteEndpoints(string Host, int BlobPort, int QueuePort, int TablePort)
{
    /// <summary>Azurite's built-in development account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>
    /// The development account's key. It is published in Microsoft's Azurite documentation and
    /// identical on every machine: it grants nothing outside a local emulator.
    /// </summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // Path-style URLs (account as the first path segment): Azurite runs with
    // --disableProductStyleUrl, so the host name never has to carry the account.
    public Uri BlobServiceUri => ServiceUri(BlobPort);

    public Uri QueueServiceUri => ServiceUri(QueuePort);

    public Uri TableServiceUri => ServiceUri(TablePort);

    /// <summary>A storage connection string naming each service endpoint explicitly.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"BlobEndpoint={BlobServiceUri};QueueEndpoint={QueueServiceUri};TableEndpoint={TableServiceUri};";

    private Uri ServiceUri(int port) => new($"http://{Host}:{port}/{AccountName}");
}
