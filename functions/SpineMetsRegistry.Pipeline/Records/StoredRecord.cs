using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Pipeline.Records;

/// <summary>Identifies a record within a site: the patient and the record's key within the patient.</summary>
/// <param name="StudyId">The pseudonymous study ID.</param>
/// <param name="RecordKey">"enrollment", a time point such as "12w", or an unscheduled-visit key.</param>
public sealed record RecordId(string StudyId, string RecordKey);

/// <summary>
/// A derived score as stored next to the record, with its provenance, so every number can
/// be traced to its instrument, version and value set, and recomputed from the stored items.
/// </summary>
/// <param name="Name">Score name, e.g. "sins_total", "eq5d_index".</param>
/// <param name="Value">The numeric value, or null when not computable.</param>
/// <param name="Category">A category result (e.g. "potentially_unstable"), or null.</param>
/// <param name="Instrument">The instrument, e.g. "SINS".</param>
/// <param name="InstrumentVersion">The instrument version.</param>
/// <param name="Definition">The value set or scoring definition used (e.g. "EQ-5D-5L England (Devlin 2018)"), or null.</param>
/// <param name="Note">Why it is not computable, or which named rule applied; never record values beyond the inputs' own codes.</param>
public sealed record StoredScore(string Name, decimal? Value, string? Category, string Instrument, string InstrumentVersion, string? Definition, string? Note);

/// <summary>A record as the registry stores it.</summary>
public sealed record StoredRecord
{
    /// <summary>The site.</summary>
    public required string Site { get; init; }

    /// <summary>Enrollment or follow-up (withdrawals are not stored as records).</summary>
    public required RecordKind Kind { get; init; }

    /// <summary>The study ID.</summary>
    public required string StudyId { get; init; }

    /// <summary>The record key within the patient.</summary>
    public required string RecordKey { get; init; }

    /// <summary>Every value present, by field code, in canonical text form.</summary>
    public required IReadOnlyDictionary<string, string> Values { get; init; }

    /// <summary>Derived scores with provenance.</summary>
    public required IReadOnlyList<StoredScore> Scores { get; init; }

    /// <summary>SHA-256 over the canonical values: equal hashes mean an identical re-upload.</summary>
    public required string ContentHash { get; init; }

    /// <summary>1 for the first version, incremented by each correction.</summary>
    public required int Version { get; init; }

    /// <summary>The batch that supplied this version.</summary>
    public required string SourceBatchKey { get; init; }

    /// <summary>The dictionary version the values were validated against.</summary>
    public required string DictionaryVersion { get; init; }

    /// <summary>When this version was stored (workflow clock).</summary>
    public required DateTimeOffset StoredAt { get; init; }

    /// <summary>The record's identity.</summary>
    public RecordId Id => new(StudyId, RecordKey);
}

/// <summary>What is needed to decide whether an incoming record is new, a correction or unchanged.</summary>
/// <param name="ContentHash">The stored version's content hash.</param>
/// <param name="Version">The stored version number.</param>
/// <param name="SourceBatchKey">The batch that stored it.</param>
public sealed record StoredRecordState(string ContentHash, int Version, string SourceBatchKey);

/// <summary>One version of a record, kept in the history when a correction supersedes it.</summary>
/// <param name="Id">The record.</param>
/// <param name="Version">Version number.</param>
/// <param name="ContentHash">Content hash of that version.</param>
/// <param name="BatchKey">The batch that supplied it.</param>
/// <param name="At">When it was stored.</param>
public sealed record RecordVersion(RecordId Id, int Version, string ContentHash, string BatchKey, DateTimeOffset At);
