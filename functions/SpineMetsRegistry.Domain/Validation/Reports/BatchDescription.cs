namespace SpineMetsRegistry.Domain.Validation.Reports;

/// <summary>Identifies the batch a report is about.</summary>
/// <param name="SiteCode">The uploading site (from the upload location).</param>
/// <param name="BatchId">The batch ID (the uploaded file's name without extension).</param>
/// <param name="FileName">The uploaded file name.</param>
/// <param name="Format">The file format.</param>
/// <param name="DictionaryVersion">The data dictionary version validated against.</param>
/// <param name="ReceivedOn">The day the batch was received.</param>
public sealed record BatchDescription(
    string SiteCode,
    string BatchId,
    string FileName,
    Batches.BatchFormat Format,
    string DictionaryVersion,
    DateOnly ReceivedOn)
{
    /// <summary>The SHA-256 of the uploaded bytes (hex), when known.</summary>
    public string? ContentSha256 { get; init; }
}
