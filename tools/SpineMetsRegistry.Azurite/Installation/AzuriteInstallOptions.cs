namespace SpineMetsRegistry.Azurite.Installation;

/// <summary>How and where <see cref="AzuriteInstaller"/> obtains Azurite.</summary>
public sealed record AzuriteInstallOptions
{
    /// <summary>
    /// The folder installs go under (one subfolder per version). Null means
    /// <see cref="Locations.AzuriteLocations.InstallRoot()"/>: the environment override, else
    /// <c>&lt;repo&gt;/.local/azurite</c>.
    /// </summary>
    public string? InstallRoot { get; init; }

    /// <summary>The node executable: a name looked up on PATH, or a full path.</summary>
    public string NodePath { get; init; } = "node";

    /// <summary>The npm executable: a name looked up on PATH, or a full path.</summary>
    public string NpmPath { get; init; } = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";

    /// <summary>The Azurite version to install; only tests change this.</summary>
    public string Version { get; init; } = AzuritePackage.PinnedVersion;

    /// <summary>The longest one npm install may run before it is killed.</summary>
    public TimeSpan InstallTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest to wait for another process's install to finish.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest <c>node --version</c> may take.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
