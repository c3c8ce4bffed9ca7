namespace SpineMetsRegistry.Azurite.Locations;

/// <summary>
/// Where the npm-installed Azurite and the local host's Azurite data live by default. Both sit
/// under the checkout's git-ignored <c>.local/</c> folder, so a fresh clone needs nothing
/// installed globally and deleting <c>.local/</c> resets the machine.
/// </summary>
public static class AzuriteLocations
{
    /// <summary>Environment variable that overrides the install folder.</summary>
    public const string HomeVariable = "SPINEMETS_AZURITE_HOME";

    /// <summary>The git-ignored folder, under the repository root, for local runtime state.</summary>
    public const string LocalFolderName = ".local";

    /// <summary>
    /// The folder Azurite is installed under: <see cref="HomeVariable"/> when set, else
    /// <c>&lt;repo&gt;/.local/azurite</c>, else (outside a checkout) a per-user folder.
    /// </summary>
    public static string InstallRoot() => InstallRoot(Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="InstallRoot()"/>, reading the environment through <paramref name="variable"/>.</summary>
    internal static string InstallRoot(Func<string, string?> variable)
    {
        var overridden = variable(HomeVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return Path.GetFullPath(overridden);
        }

        return Path.Combine(LocalStateRoot(), "azurite");
    }

    /// <summary>The folder a persistent Azurite keeps its data in: <c>&lt;repo&gt;/.local/azurite-data</c>.</summary>
    public static string DataDirectory() => Path.Combine(LocalStateRoot(), "azurite-data");

    private static string LocalStateRoot()
    {
        var repositoryRoot = RepositoryRoot.Find();
        if (repositoryRoot is not null)
        {
            return Path.Combine(repositoryRoot, LocalFolderName);
        }

        // A binary running outside any checkout (e.g. a published tool) still needs a stable,
        // writable place; the per-user application-data folder is the conventional one.
        return Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "SpineMetsRegistry");
    }
}
