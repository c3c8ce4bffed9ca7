namespace SpineMetsRegistry.Storage.Configuration;

/// <summary>
/// Where the registry's storage lives, bound from the configuration section
/// <see cref="SectionName"/>. Either <see cref="ConnectionString"/> (Azurite or any local
/// account: one account holds everything) or the service URIs, which are reached with
/// <c>DefaultAzureCredential</c> (managed identity in Azure).
/// </summary>
public sealed class RegistryStorageOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Registry:Storage";

    /// <summary>The default name of the ingest queue.</summary>
    public const string DefaultIngestQueueName = "ingest-events";

    /// <summary>A storage connection string (Azurite/local). Excludes the service URIs.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The central account's blob endpoint (raw, intake, quarantine, staging).</summary>
    public Uri? CentralBlobServiceUri { get; set; }

    /// <summary>The central account's table endpoint (every table).</summary>
    public Uri? CentralTableServiceUri { get; set; }

    /// <summary>The central account's queue endpoint (the ingest queue and its poison queue).</summary>
    public Uri? CentralQueueServiceUri { get; set; }

    /// <summary>How landing containers are spread over accounts (service URI mode only).</summary>
    public LandingMode LandingMode { get; set; } = LandingMode.Container;

    /// <summary>The landing account's blob endpoint in <see cref="LandingMode.Container"/> mode.</summary>
    public Uri? LandingBlobServiceUri { get; set; }

    /// <summary>Each site's landing blob endpoint in <see cref="LandingMode.Account"/> mode, by site code.</summary>
    public Dictionary<string, Uri> SiteLandingBlobServiceUris { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The client ID of a user-assigned managed identity, or null for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The ingest queue's name; its poison queue is this name plus <c>-poison</c>.</summary>
    public string IngestQueueName { get; set; } = DefaultIngestQueueName;

    /// <summary>
    /// Prefixed to every table name, and (lower-cased) to the central container names and the
    /// queue names. Empty in production; tests set a unique one so they never collide.
    /// </summary>
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>
    /// Prefixed to the per-site landing container names. Empty by default so the names stay
    /// exactly <c>site-&lt;code&gt;</c>, the names the Bicep role assignments are scoped to.
    /// </summary>
    public string ContainerPrefix { get; set; } = string.Empty;

    /// <summary>
    /// How often the Azure SDK itself retries a failed request (exponential backoff) before
    /// the error reaches the caller, whose own retry policy (the workflow's) takes over.
    /// </summary>
    public int SdkMaxRetries { get; set; } = 3;

    /// <summary>Whether the options use a connection string rather than service URIs.</summary>
    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);
}
