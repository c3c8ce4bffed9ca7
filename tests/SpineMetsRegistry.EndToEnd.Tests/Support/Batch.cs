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
