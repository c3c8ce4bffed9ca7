namespace SpineMetsRegistry.Storage.Blobs;

/// <summary>Checks blob names handed to the adapters (programming errors, not user input).</summary>
internal static class BlobNames
{
    // Azure allows 1,024 characters; the landing prefix ("reminders/") needs room too.
    private const int MaxLength = 1000;

    public static string Check(string name, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameterName);
        if (name.Length > MaxLength || name.StartsWith('/') || name.EndsWith('/') || name.Any(char.IsControl) || name.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a usable blob name (1-{MaxLength} characters, no control characters or backslashes, not starting or ending with '/').", parameterName);
        }

        return name;
    }
}
