using System.Globalization;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>Where a batch's bytes, chunks and reports live. Content-addressed within a site.</summary>
public static class BatchBlobNames
{
    /// <summary>The intake/raw/quarantine name of an upload: site and SHA-256.</summary>
    public static string Content(string site, string sha256) => $"{site}/{sha256}";

    /// <summary>The prefix of a batch's staged chunks.</summary>
    public static string StagingPrefix(string site, string batchKey) => $"{site}/{batchKey}/";

    /// <summary>One staged chunk.</summary>
    public static string Chunk(string site, string batchKey, int chunk) =>
        StagingPrefix(site, batchKey) + string.Create(CultureInfo.InvariantCulture, $"chunk-{chunk:D5}.jsonl");

    /// <summary>The site-readable validation report (JSON), under reports/.</summary>
    public static string ValidationReportJson(string batchKey) => $"{batchKey}/validation.json";

    /// <summary>The site-readable validation report (CSV), under reports/.</summary>
    public static string ValidationReportCsv(string batchKey) => $"{batchKey}/validation.csv";

    /// <summary>The site-readable receipt, under reports/.</summary>
    public static string Receipt(string batchKey) => $"{batchKey}/receipt.json";
}
