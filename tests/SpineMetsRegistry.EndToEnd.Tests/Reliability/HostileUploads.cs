using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Tests.Validation.HostileCorpus;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.EndToEnd.Tests.Reliability;

/// <summary>One upload of the hostile run: where it goes, its bytes, and what it must earn.</summary>
/// <param name="Label">What it is (test output; never the bytes).</param>
/// <param name="Site">The site whose container it is written into.</param>
/// <param name="BlobName">The name under <c>incoming/</c>.</param>
/// <param name="Bytes">The content.</param>
/// <param name="ExpectedCode">The problem code its validation report must hold, or null when the name alone decides.</param>
/// <param name="Outcome">What the registry must do with it.</param>
internal sealed record HostileUpload(string Label, string Site, string BlobName, byte[] Bytes, string? ExpectedCode, HostileOutcome Outcome)
{
    public override string ToString() => Label;
}

/// <summary>What must happen to a hostile upload.</summary>
internal enum HostileOutcome
{
    /// <summary>Ingested, with its specific code in its validation report; nothing stored.</summary>
    Validated,

    /// <summary>Ingested and quarantined (it carries identifiers).</summary>
    Quarantined,

    /// <summary>Ingested and nothing stored (quarantined, held or rejected, whichever check speaks first).</summary>
    Refused,

    /// <summary>Not processed: a not-processed report for the site, the upload left where it is.</summary>
    NotProcessed,

    /// <summary>Never seen as a batch (not directly under incoming/): nothing at all.</summary>
    Unseen,
}

/// <summary>
/// The uploads of the hostile run: every file of the Domain's hostile corpus, the hostile blob
/// names a storage account accepts, and batches carrying the planted identifiers (quarantined,
/// held for an unknown column, held for broken structure, refused for invalid UTF-8).
/// </summary>
internal static class HostileUploads
{
    public const string Site = "S01";

    private static readonly byte[] Withdrawal = Encoding.UTF8.GetBytes("record_type,study_id,withdrawal_reason,withdrawal_date\nwithdrawal,S01-0009,consent_withdrawn,2026-05-01\n");

    /// <summary>The rows the registry already holds before the run: the sample rows every hostile file is built from, so a valid row in a hostile file changes nothing.</summary>
    public static byte[] AcceptedS01 { get; } = Encoding.UTF8.GetBytes(BatchText.Csv(
        SampleRows.Enrollment(), SampleRows.FollowUp(), SampleRows.Enrollment("S01-0002").WithEq5d(), SampleRows.Enrollment("S01-0003").With("primary_tumour", "breast")));

    /// <summary>Accepted data of the other site.</summary>
    public static byte[] AcceptedS02 { get; } = Encoding.UTF8.GetBytes(BatchText.Csv(
        SampleRows.Enrollment("S02-0001"), SampleRows.Enrollment("S02-0002").With("sex", "male"), SampleRows.FollowUp("S02-0001")));

    public static IReadOnlyList<HostileUpload> Files { get; } =
    [
        .. HostileFiles.All.Select((file, i) => new HostileUpload(
            file.Name, Site, $"hostile-{i + 1:D2}{(file.Format == BatchFormat.Csv ? ".csv" : ".jsonl")}", file.Build(), file.ExpectedCode, HostileOutcome.Validated)),
    ];

    public static IReadOnlyList<HostileUpload> Names { get; } =
    [
        NotProcessed("encoded slash with dot-dot", "..%2F..%2Fsite-s02%2Fx.csv"),
        NotProcessed("encoded slash", "a%2Fb.csv"),
        NotProcessed("encoded backslash", "a%5Cb.csv"),
        NotProcessed("hidden file", ".csv"),
        NotProcessed("name starting with a dot", ".hidden.csv"),
        NotProcessed("Unicode hyphen look-alike", "visits\u20102026.csv"),
        NotProcessed("full-width extension", "visits.\uFF43\uFF53\uFF56"),
        NotProcessed("Cyrillic letter in the name", "vi\u0455its.csv"),
        NotProcessed("right-to-left override", "batch\u202Evsc.exe"),
        NotProcessed("double extension", "batch.csv.exe"),
        NotProcessed("spreadsheet", "batch.xlsx"),
        NotProcessed("batch ID of 101 characters", new string('a', 101) + ".csv"),
        NotProcessed("spaces and quotes", "\"my batch\".csv"),
        new("sub-folder of incoming", Site, "sub/x.csv", Withdrawal, null, HostileOutcome.Unseen),
        new("another site's prefix in the name", "S02", "S01-visits.csv", Encoding.UTF8.GetBytes(BatchText.Csv(SampleRows.Enrollment("S01-0007"))), ProblemCodes.StudyIdPattern, HostileOutcome.Validated),
    ];

    /// <summary>Batches carrying every planted identifier, in the places a site could put one.</summary>
    public static IReadOnlyList<HostileUpload> Planted { get; } =
    [
        new("identifiers in free text (quarantined)", Site, "planted-free-text.csv",
            Encoding.UTF8.GetBytes(BatchText.Csv([.. PlantedIdentifiers.All.Select((p, i) => SampleRows.FollowUp($"S01-{100 + i:D4}").With("complication_text", p.Cell))])),
            null, HostileOutcome.Quarantined),
        new("identifiers in a column the registry does not know", Site, "planted-unknown-column.csv",
            Encoding.UTF8.GetBytes(BatchText.Csv([.. PlantedIdentifiers.All.Select((p, i) => SampleRows.Enrollment($"S01-{200 + i:D4}").With("contact_note", p.Cell))])),
            null, HostileOutcome.Refused),
        new("identifiers in a file with a duplicated column", Site, "planted-duplicate-column.csv",
            Encoding.UTF8.GetBytes("record_type,study_id,record_type,complication_text\n" + string.Concat(PlantedIdentifiers.All.Select((p, i) => $"followup,S01-{300 + i:D4},followup,{BatchText.Quote(p.Cell)}\n"))),
            null, HostileOutcome.Refused),
        new("identifiers in a file with invalid UTF-8", Site, "planted-invalid-utf8.jsonl",
            [.. Encoding.UTF8.GetBytes(BatchText.JsonLines([.. PlantedIdentifiers.All.Select((p, i) => SampleRows.FollowUp($"S01-{400 + i:D4}").With("complication_text", p.Cell))])), 0xFF, 0xFE, (byte)'\n'],
            null, HostileOutcome.Refused),
    ];

    public static IReadOnlyList<HostileUpload> All { get; } = [.. Files, .. Names, .. Planted];

    private static HostileUpload NotProcessed(string label, string name) => new(label, Site, name, Withdrawal, null, HostileOutcome.NotProcessed);
}
