using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Synthetic;

namespace SpineMetsRegistry.EndToEnd.Tests.Support;

/// <summary>A batch as a site uploads it: its rows, its file name and its bytes.</summary>
internal sealed record Batch(string Site, string FileName, IReadOnlyList<SyntheticRow> Rows, byte[] Bytes)
{
    public string BatchId => Path.GetFileNameWithoutExtension(FileName);

    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Bytes));

    /// <summary>The ledger key the registry derives from site, batch ID and content.</summary>
    public BatchKey Key => BatchKey.Create(Site, BatchId, Sha256);

    /// <summary>A CSV batch with every dictionary column, as sites' exports are.</summary>
    public static Batch Csv(string site, string fileName, IEnumerable<SyntheticRow> rows)
    {
        var list = rows.ToList();
        var text = new StringWriter(CultureInfo.InvariantCulture);
        SyntheticBatchWriter.WriteCsv(list, text);
        return new Batch(site, fileName, list, Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>The same bytes under another file name.</summary>
    public Batch Renamed(string fileName) => this with { FileName = fileName };
}

/// <summary>Builds rows field by field.</summary>
internal static class Rows
{
    public static SyntheticRow Row(params (string Field, string Value)[] values)
    {
        var row = new SyntheticRow();
        foreach (var (field, value) in values)
        {
            row[field] = value;
        }

        return row;
    }

    /// <summary>A copy with some fields changed (a correction) or removed (null).</summary>
    public static SyntheticRow With(this SyntheticRow row, params (string Field, string? Value)[] changes)
    {
        var copy = new SyntheticRow();
        foreach (var (field, value) in row)
        {
            copy[field] = value;
        }

        foreach (var (field, value) in changes)
        {
            if (value is null)
            {
                copy.Remove(field);
            }
            else
            {
                copy[field] = value;
            }
        }

        return copy;
    }

    public static string? Value(this SyntheticRow row, string field) => row.TryGetValue(field, out var value) ? value : null;

    public static bool IsEnrollment(this SyntheticRow row) => row.Value("record_type") == "enrollment";

    public static bool IsFollowUp(this SyntheticRow row) => row.Value("record_type") == "followup";

    public static string StudyId(this SyntheticRow row) => row.Value("study_id") ?? throw new InvalidOperationException("A row without a study ID.");
}
