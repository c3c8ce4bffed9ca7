namespace SpineMetsRegistry.Azurite.Server;

/// <summary>How <see cref="AzuriteServer"/> runs Azurite.</summary>
public sealed record AzuriteServerOptions
{
    /// <summary>In-memory storage on ports the operating system picks: what tests use.</summary>
    public static AzuriteServerOptions InMemory { get; } = new();

    /// <summary>
    /// Storage in <paramref name="dataDirectory"/> (default
    /// <see cref="Locations.AzuriteLocations.DataDirectory"/>): what the local host uses.
    /// </summary>
    public static AzuriteServerOptions OnDisk(string? dataDirectory = null) =>
        new() { Persistence = AzuritePersistence.Disk, DataDirectory = dataDirectory };

    /// <summary>The blob port; null lets the operating system bind a free one (Azurite reports which).</summary>
    public int? BlobPort { get; init; }

    /// <summary>The queue port; null lets the operating system bind a free one.</summary>
    public int? QueuePort { get; init; }

    /// <summary>The table port; null lets the operating system bind a free one.</summary>
    public int? TablePort { get; init; }

    public AzuritePersistence Persistence { get; init; } = AzuritePersistence.InMemory;

    /// <summary>The data folder when <see cref="Persistence"/> is Disk; null means the default.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Extra Azurite command-line arguments, appended after the ones this library sets.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>
    /// Whether Azurite logs every request. Off by default: tests make thousands of requests
    /// and only the startup lines matter for diagnosing a failure.
    /// </summary>
    public bool AccessLog { get; init; }

    /// <summary>The longest to wait for all three services to report listening.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
