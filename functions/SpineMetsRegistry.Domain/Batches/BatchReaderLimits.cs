namespace SpineMetsRegistry.Domain.Batches;

/// <summary>
/// Bounds that keep parsing memory flat whatever the input: a field or record longer than
/// these is reported, not buffered.
/// </summary>
/// <param name="MaxFieldLength">Longest accepted field value, in characters.</param>
/// <param name="MaxRecordLength">Longest accepted record (CSV record or JSON line), in characters or bytes.</param>
/// <param name="MaxColumns">Most columns a header (or JSON object) may have.</param>
public sealed record BatchReaderLimits(int MaxFieldLength, int MaxRecordLength, int MaxColumns)
{
    /// <summary>Generous defaults: 4,000-character fields, 256 KiB records, 512 columns.</summary>
    public static BatchReaderLimits Default { get; } = new(4_000, 256 * 1024, 512);
}
