namespace SpineMetsRegistry.Azurite.Locations;

/// <summary>Finds the repository checkout that the running code belongs to.</summary>
public static class RepositoryRoot
{
    /// <summary>The file that marks the repository root.</summary>
    public const string MarkerFileName = "SpineMetsRegistry.sln";

    /// <summary>
    /// The nearest ancestor holding <see cref="MarkerFileName"/>, searching up from the
    /// application's base directory first (test and host binaries live under the checkout's
    /// bin/ folders) and then from the current directory; null when neither is inside a checkout.
    /// </summary>
    public static string? Find() =>
        FindFrom(AppContext.BaseDirectory) ?? FindFrom(Environment.CurrentDirectory);

    /// <summary>The nearest ancestor of <paramref name="start"/> (inclusive) holding the marker.</summary>
    public static string? FindFrom(string start)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(start);
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, MarkerFileName)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
