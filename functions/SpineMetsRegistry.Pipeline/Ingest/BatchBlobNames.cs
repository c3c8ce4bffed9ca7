using System.Globalization;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>Where a batch's bytes, chunks and reports live. Content-addressed within a site.</summary>
public static class BatchBlobNames
{
    /// <summary>The raw/quarantine name of an upload's bytes: site and SHA-256 (identical bytes are kept once).</summary>
    public static string Content(string site, string sha256) => $"{site}/{sha256}";

    /// <summary>
    /// The intake name of one upload's bytes: site and batch key. Not content-addressed: two
    /// uploads of identical bytes under different names run at once, and the first to finish
    /// validating deletes its intake copy, which the other would otherwise still need.
    /// </summary>
    public static string IntakeCopy(string site, string batchKey) => $"{site}/{batchKey}";

    /// <summary>The prefix of a batch's staged chunks.</summary>
    public static string StagingPrefix(string site, string batchKey) => $"{site}/{batchKey}/";

    /// <summary>The prefix of a batch's staged chunks only (the staging area also holds its schedule groups).</summary>
    public static string ChunkPrefix(string site, string batchKey) => StagingPrefix(site, batchKey) + "chunk-";

    /// <summary>One staged chunk.</summary>
    public static string Chunk(string site, string batchKey, int chunk) =>
        ChunkPrefix(site, batchKey) + string.Create(CultureInfo.InvariantCulture, $"{chunk:D5}.jsonl");

    /// <summary>
    /// One group of the batch's patients for the schedule step (<see cref="PlanScheduleActivity"/>):
    /// in the staging area, so the receipt step deletes it with the chunks.
    /// </summary>
    public static string ScheduleGroup(string site, string batchKey, int group) =>
        StagingPrefix(site, batchKey) + string.Create(CultureInfo.InvariantCulture, $"schedule-{group:D5}.jsonl");

    /// <summary>The site-readable validation report (JSON), under reports/.</summary>
    public static string ValidationReportJson(string batchKey) => $"{batchKey}/validation.json";

    /// <summary>The site-readable validation report (CSV), under reports/.</summary>
    public static string ValidationReportCsv(string batchKey) => $"{batchKey}/validation.csv";

    /// <summary>The site-readable receipt, under reports/.</summary>
    public static string Receipt(string batchKey) => $"{batchKey}/receipt.json";
}
