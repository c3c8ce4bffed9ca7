using System.Globalization;
using System.Security.Cryptography;
using SpineMetsRegistry.Azurite.Installation;
using SpineMetsRegistry.Azurite.Server;
using SpineMetsRegistry.LocalHost.Hosting;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Benchmarks.Support;

/// <summary>
/// A local registry for a benchmark: an in-memory Azurite, a registry configuration of
/// <c>S01</c>..<c>Snn</c> (seven-digit study numbers), and the local host on the Durable Task
/// engine with its laptop settings, as the <c>engine</c> benchmark and the end-to-end tests
/// start it.
/// </summary>
internal sealed class LocalRegistry : IAsyncDisposable
{
    private readonly AzuriteServer _azurite;
    private readonly string _configFile;

    private LocalRegistry(AzuriteServer azurite, string configFile, IReadOnlyList<string> sites)
    {
        _azurite = azurite;
        _configFile = configFile;
        Sites = sites;
    }

    public string ConnectionString => _azurite.ConnectionString;

    public IReadOnlyList<string> Sites { get; }

    public static async Task<LocalRegistry> StartAsync(int sites)
    {
        var installation = await new AzuriteInstaller().EnsureInstalledAsync();
        var azurite = await AzuriteServer.StartAsync(installation, AzuriteServerOptions.InMemory);
        var codes = Enumerable.Range(1, sites).Select(i => "S" + i.ToString("D2", CultureInfo.InvariantCulture)).ToList();
        var config = Path.Combine(Path.GetTempPath(), $"spinemets-bench-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        var siteJson = string.Join(", ", codes.Select(c => $$"""{ "code": "{{c}}", "displayName": "Site {{c}}", "studyIdPattern": "{{GeneratedBatch.StudyIdPattern(c).Replace(@"\", @"\\", StringComparison.Ordinal)}}" }"""));
        await File.WriteAllTextAsync(config, $$"""{ "registryName": "spinemets", "sites": [ {{siteJson}} ] }""");
        return new LocalRegistry(azurite, config, codes);
    }

    /// <summary>
    /// Starts the local host (its engine, watcher and activities) over this registry's storage;
    /// with <paramref name="worker"/>, only what ingests (the queue processor, the engine and its
    /// activities), as the Functions app is in Azure: no HTTP, dashboard or container watcher.
    /// </summary>
    public Task<LocalRegistryHost> StartHostAsync(string prefix, bool worker = false) =>
        LocalRegistryHost.StartAsync(
            new LocalHostSettings
            {
                Port = 0,
                StorageConnectionString = ConnectionString,
                StateDirectory = Path.Combine(Path.GetTempPath(), "spinemets-bench-state"),
                RegistryConfigurationFile = _configFile,
                ScheduleDailySweep = false,
                StoragePrefix = prefix,
                Worker = worker,
            },
            ["--Logging:LogLevel:Default=Warning"]);

    /// <summary>Uploads a batch as a site does (into its landing container's incoming area); returns its batch key.</summary>
    public static async Task<BatchKey> UploadAsync(ILandingBlobs landing, string site, string batchId, byte[] csv)
    {
        using var content = new MemoryStream(csv, writable: false);
        await landing.WriteAsync(site, LandingArea.Incoming, batchId + ".csv", content, "text/csv");
        return BatchKey.Create(site, batchId, Convert.ToHexStringLower(SHA256.HashData(csv)));
    }

    /// <summary>
    /// Uploads a batch file as a site does (streamed from disk, so a memory benchmark's figure is
    /// not the batch held in memory); returns the file's SHA-256, which with the file name makes
    /// the batch key.
    /// </summary>
    public static async Task<string> UploadFileAsync(ILandingBlobs landing, string site, string name, string file)
    {
        string sha256;
        await using (var hashed = File.OpenRead(file))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(hashed));
        }

        await using (var content = File.OpenRead(file))
        {
            await landing.WriteAsync(site, LandingArea.Incoming, name, content, "text/csv");
        }

        return sha256;
    }

    /// <summary>
    /// An uploaded batch as stored (its ETag, size), to announce it or start its ingest by hand;
    /// only where no container watcher runs, which would receive it and remove it from there.
    /// </summary>
    public static async Task<LandingBlob> IncomingBlobAsync(ILandingBlobs landing, string site, string name) =>
        await landing.GetAsync(site, LandingArea.Incoming, name)
            ?? throw new InvalidOperationException($"The uploaded batch {name} is not in site {site}'s landing container.");

    public async ValueTask DisposeAsync()
    {
        await _azurite.DisposeAsync();
        File.Delete(_configFile);
    }
}
