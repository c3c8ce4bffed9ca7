using System.Text.Json;

namespace SpineMetsRegistry.Azurite.Installation;

/// <summary>What an install folder's <c>node_modules/azurite/package.json</c> says.</summary>
internal sealed record InstalledPackage(string Version, string EntryScript)
{
    public static string ManifestPath(string installDirectory) =>
        Path.Combine(installDirectory, "node_modules", AzuritePackage.Name, "package.json");

    /// <summary>
    /// Reads the installed version and the <c>azurite</c> bin entry; null when the folder holds
    /// no readable Azurite package (absent, half-written, or not Azurite).
    /// </summary>
    public static InstalledPackage? TryRead(string installDirectory)
    {
        var manifestPath = ManifestPath(installDirectory);
        if (!File.Exists(manifestPath))
        {
            return null;
        }

        try
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
            var root = manifest.RootElement;
            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("bin", out var bin) || bin.ValueKind != JsonValueKind.Object
                || !bin.TryGetProperty(AzuritePackage.Name, out var entry) || entry.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var entryScript = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(manifestPath)!, entry.GetString()!));
            return new InstalledPackage(version.GetString()!, entryScript);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
