using System.Globalization;
using System.Text.Json;

namespace SpineMetsRegistry.Cli.Commands;

/// <summary>How a batch's JSON (GET /api/sites/{site}/batches) reads for people.</summary>
internal static class BatchText
{
    public static string Number(JsonElement batch, string section, string name) =>
        batch.TryGetProperty(section, out var part) && part.ValueKind == JsonValueKind.Object && part.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64().ToString(CultureInfo.InvariantCulture)
            : string.Empty;

    public static string Time(JsonElement batch, string name) =>
        batch.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : string.Empty;

    /// <summary>
    /// The running workflow's progress when the registry reports one (<c>progress</c>: the step
    /// and chunks stored of total); empty when the batch JSON has none.
    /// </summary>
    public static string Progress(JsonElement batch)
    {
        if (!batch.TryGetProperty("progress", out var progress) || progress.ValueKind != JsonValueKind.Object)
        {
            return string.Empty;
        }

        var step = BatchLookup.Text(progress, "step");
        var stored = First(progress, "chunksStored", "storedChunks", "chunksDone");
        var total = First(progress, "chunksTotal", "totalChunks", "chunks");
        var chunks = stored is null ? string.Empty : total is null ? $"{stored} chunks stored" : $"{stored}/{total} chunks stored";
        return string.Join(", ", new[] { step, chunks }.Where(p => p.Length > 0));
    }

    private static string? First(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number)
            {
                return value.GetInt64().ToString(CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    public static bool IsFinished(string status) => status is "Completed" or "Failed";
}
