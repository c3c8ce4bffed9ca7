using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Pipeline.Ledger;

/// <summary>
/// Identifies one upload: the site, the batch ID (the file name without extension) and the
/// content hash. The same file uploaded twice has the same key, so processing it twice is a
/// no-op; a corrected file under the same name has a new key.
/// </summary>
public sealed partial record BatchKey
{
    private BatchKey(string site, string batchId, string sha256)
    {
        Site = site;
        BatchId = batchId;
        Sha256 = sha256;
    }

    /// <summary>The site code.</summary>
    public string Site { get; }

    /// <summary>The batch ID chosen by the site (file name without extension).</summary>
    public string BatchId { get; }

    /// <summary>SHA-256 of the uploaded bytes, lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>The key within the site: batch ID and the first 12 hex digits of the hash.</summary>
    public string Value => $"{BatchId}@{Sha256[..12]}";

    /// <summary>The deterministic workflow instance ID for this upload.</summary>
    public string InstanceId => $"ingest-{Site}-{BatchId}-{Sha256[..16]}";

    /// <summary>Builds a key; batch IDs are 1-100 characters of letters, digits, '.', '_' and '-'.</summary>
    public static bool TryCreate(string site, string batchId, string sha256, out BatchKey key)
    {
        key = null!;
        if (!BatchIdPattern().IsMatch(batchId) || !Sha256Pattern().IsMatch(sha256) || string.IsNullOrEmpty(site))
        {
            return false;
        }

        key = new BatchKey(site, batchId, sha256);
        return true;
    }

    /// <summary>Builds a key known to be valid (a programming error otherwise).</summary>
    public static BatchKey Create(string site, string batchId, string sha256) =>
        TryCreate(site, batchId, sha256, out var key) ? key : throw new ArgumentException("Invalid batch key parts.", nameof(batchId));

    /// <summary>Whether a batch ID is acceptable.</summary>
    public static bool IsValidBatchId(string batchId) => BatchIdPattern().IsMatch(batchId);

    /// <inheritdoc />
    public override string ToString() => $"{Site}/{Value}";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex BatchIdPattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
