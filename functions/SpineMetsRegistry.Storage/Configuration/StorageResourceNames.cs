using System.Globalization;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Configuration;

/// <summary>
/// The concrete names of every table, container and queue for a set of options: the logical
/// name plus the configured prefix. One place, so the adapters and the provisioner agree.
/// </summary>
public sealed class StorageResourceNames
{
    private readonly string _tablePrefix;
    private readonly string _centralPrefix;
    private readonly string _landingPrefix;

    /// <summary>Creates the names for validated options.</summary>
    public StorageResourceNames(RegistryStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tablePrefix = options.TablePrefix ?? string.Empty;
        _centralPrefix = _tablePrefix.ToLowerInvariant();
        _landingPrefix = options.ContainerPrefix ?? string.Empty;
        IngestQueue = _centralPrefix + options.IngestQueueName;
    }

    /// <summary>The ingest queue.</summary>
    public string IngestQueue { get; }

    /// <summary>Where messages go that failed too often (the Functions host's naming convention).</summary>
    public string IngestPoisonQueue => IngestQueue + "-poison";

    /// <summary>Every table the registry uses.</summary>
    public IEnumerable<string> AllTables => RegistryTables.All.Select(Table);

    /// <summary>Every central container.</summary>
    public IEnumerable<string> AllCentralContainers => Enum.GetValues<CentralArea>().Select(CentralContainer);

    /// <summary>A table's name.</summary>
    public string Table(string logicalName) => _tablePrefix + logicalName;

    /// <summary>A central area's container.</summary>
    public string CentralContainer(CentralArea area) => _centralPrefix + CentralContainers.NameOf(area);

    /// <summary>
    /// A site's landing container, <c>site-&lt;code lower&gt;</c> (plus the container prefix);
    /// throws when the site code cannot form a valid container name.
    /// </summary>
    public string LandingContainer(string site)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(site);
        var name = _landingPrefix + "site-" + site.ToLowerInvariant();
        if (!StorageNameRules.IsValidContainerOrQueueName(name))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Site code '{site}' does not form a valid container name ('{name}': 3-63 lower-case letters, digits and single dashes)."),
                nameof(site));
        }

        return name;
    }
}
