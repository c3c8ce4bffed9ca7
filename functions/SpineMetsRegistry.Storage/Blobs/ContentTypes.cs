namespace SpineMetsRegistry.Storage.Blobs;

/// <summary>Content types for the file kinds the registry stores.</summary>
internal static class ContentTypes
{
    public const string Binary = "application/octet-stream";

    public static string FromName(string name) => Path.GetExtension(name).ToUpperInvariant() switch
    {
        ".CSV" => "text/csv; charset=utf-8",
        ".JSONL" or ".NDJSON" => "application/x-ndjson",
        ".JSON" => "application/json",
        ".TXT" => "text/plain; charset=utf-8",
        ".HTML" => "text/html; charset=utf-8",
        _ => Binary,
    };
}
