using System.Text.Json;

namespace SpineMetsRegistry.Cli.Registry;

/// <summary>
/// Where <c>spinemets login</c> keeps the sign-in: <c>$XDG_CONFIG_HOME/spinemets/credentials.json</c>
/// (else <c>~/.config/spinemets/</c>; on Windows the roaming application-data folder), readable
/// by the owner only (mode 0600), never inside a repository.
/// </summary>
internal sealed class CredentialStore(string folder)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The file.</summary>
    public string FilePath { get; } = Path.Combine(folder, "credentials.json");

    /// <summary>The user's configuration folder for spinemets.</summary>
    public static string DefaultFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "spinemets");
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        return Path.Combine(string.IsNullOrWhiteSpace(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config") : xdg, "spinemets");
    }

    /// <summary>The stored login, or null when there is none (or it cannot be read).</summary>
    public StoredLogin? Load()
    {
        if (!File.Exists(FilePath))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StoredLogin>(File.ReadAllText(FilePath), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Stores the login, created readable and writable by the owner only.</summary>
    public void Save(StoredLogin login)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(login, Json);
        var temporary = FilePath + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Created with 0600 from the first byte: the key is never readable by others, not even briefly.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(bytes);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, FilePath, overwrite: true);
    }
}
