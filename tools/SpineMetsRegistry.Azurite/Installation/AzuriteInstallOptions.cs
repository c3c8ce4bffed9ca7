namespace SpineMetsRegistry.Azurite.Installation;

/// <summary>Where <see cref="AzuriteInstaller"/> finds the npm project and how it runs <c>npm ci</c>.</summary>
public sealed record AzuriteInstallOptions
{
    /// <summary>
    /// The folder holding <c>package.json</c> and <c>package-lock.json</c> (Azurite goes into its
    /// <c>node_modules</c>). Null means the repository root (<see cref="Locations.RepositoryRoot.Find"/>).
    /// </summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>The node executable that runs Azurite: a name looked up on PATH, or a full path.</summary>
    public string NodePath { get; init; } = "node";

    /// <summary>The npm executable: a name looked up on PATH, or a full path.</summary>
    public string NpmPath { get; init; } = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";

    /// <summary>The longest <c>npm ci</c> may run before it is killed (it took 5 minutes on a heavily loaded 2-core machine).</summary>
    public TimeSpan InstallTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The longest to wait for another process's install to finish.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Where the one-line "installing" notice goes (a first run takes a while and should say why).</summary>
    public TextWriter Progress { get; init; } = Console.Error;
}
