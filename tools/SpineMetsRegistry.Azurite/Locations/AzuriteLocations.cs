namespace SpineMetsRegistry.Azurite.Locations;

/// <summary>
/// Where the local host's Azurite data lives by default: under the checkout's git-ignored
/// <c>.local/</c> folder, so deleting <c>.local/</c> resets the machine. (Azurite itself is
/// in the checkout's <c>node_modules</c>, installed by <c>npm ci</c>.)
/// </summary>
public static class AzuriteLocations
{
    /// <summary>The git-ignored folder, under the repository root, for local runtime state.</summary>
    public const string LocalFolderName = ".local";

    /// <summary>The folder a persistent Azurite keeps its data in: <c>&lt;repo&gt;/.local/azurite-data</c>.</summary>
    public static string DataDirectory() => Path.Combine(LocalStateRoot(), "azurite-data");

    private static string LocalStateRoot()
    {
        var repositoryRoot = RepositoryRoot.Find();
        if (repositoryRoot is not null)
        {
            return Path.Combine(repositoryRoot, LocalFolderName);
        }

        // A binary running outside any checkout still needs a stable, writable place; the
        // per-user application-data folder is the conventional one.
        return Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "SpineMetsRegistry");
    }
}
