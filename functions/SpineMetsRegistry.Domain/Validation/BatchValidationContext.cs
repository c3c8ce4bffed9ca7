using System.Text.RegularExpressions;
using SpineMetsRegistry.Domain.Dictionary;

namespace SpineMetsRegistry.Domain.Validation;

/// <summary>What to do with the valid rows of a batch that also has invalid rows.</summary>
public enum InvalidRowPolicy
{
    /// <summary>Store the valid rows and report the rest (the default).</summary>
    AcceptValidRows,

    /// <summary>Store nothing from a batch that has any error.</summary>
    HoldWholeBatch,
}

/// <summary>
/// Everything a batch is validated against besides its own content: the dictionary, the
/// uploading site (taken from where the file was uploaded, never from the file), the day it
/// was received, the row policy, and what the registry already knows about the site's
/// patients (absent when validating offline).
/// </summary>
public sealed record BatchValidationContext
{
    /// <summary>The data dictionary (defaults to the shipped one).</summary>
    public DataDictionary Dictionary { get; init; } = DataDictionary.Default;

    /// <summary>The uploading site's code.</summary>
    public required string SiteCode { get; init; }

    /// <summary>The site's study ID pattern, or null to skip the check.</summary>
    public Regex? StudyIdPattern { get; init; }

    /// <summary>The day the batch was received: dates after it are errors.</summary>
    public required DateOnly ReceivedOn { get; init; }

    /// <summary>
    /// The earliest plausible registry date (index treatment, visit, death): an earlier date
    /// is an <c>implausible_date</c> error of its row, e.g. a spreadsheet's 1900-01-01 for an
    /// empty cell. Default <see cref="DefaultEarliestPlausibleDate"/>; set from the registry's
    /// <c>settings.earliestPlausibleDate</c> (the study start).
    /// </summary>
    public DateOnly EarliestPlausibleDate { get; init; } = DefaultEarliestPlausibleDate;

    /// <summary>2000-01-01: modern spinal metastasis surgery and radiotherapy registries start no earlier.</summary>
    public static DateOnly DefaultEarliestPlausibleDate { get; } = new(2000, 1, 1);

    /// <summary>What happens to valid rows when other rows have errors.</summary>
    public InvalidRowPolicy RowPolicy { get; init; } = InvalidRowPolicy.AcceptValidRows;

    /// <summary>
    /// The site's patients already in the registry, for checks across batches (unknown
    /// study IDs, visits before index or after death, withdrawn patients). Null offline:
    /// those checks then use only what is in the batch itself.
    /// </summary>
    public IKnownPatients? KnownPatients { get; init; }

    /// <summary>
    /// The identifier scanner of the de-identification gate (with the registry's per-field
    /// warnings). Null switches the gate off, which only tests of validation alone should do.
    /// </summary>
    public Deidentification.IdentifierScanner? Scanner { get; init; } = new();

    /// <summary>
    /// The follow-up protocol: a follow-up visit whose day after the index treatment (known
    /// from visit_day, or from visit_date and the index date in the batch or the registry)
    /// falls outside its time point's window earns an <c>outside_window</c> warning. The
    /// visit is still stored (and flagged in the schedule), never discarded. Null skips the check.
    /// </summary>
    public FollowUp.FollowUpProtocol? FollowUpProtocol { get; init; }

    /// <summary>Which dates the registry holds; under SafeHarbor the batch's index dates are kept to convert visit dates to days.</summary>
    public Deidentification.DatePolicy DatePolicy { get; init; } = Deidentification.DatePolicy.LimitedDataSet;

    /// <summary>
    /// Creates a read/write stream (e.g. a temporary file) the checks across rows spill to
    /// past <see cref="BatchConsistencyChecker.SpillThreshold"/> rows, keeping memory flat for
    /// any batch size. Null keeps everything in memory.
    /// </summary>
    public Func<Stream>? SpillStreamFactory { get; init; }

    /// <summary>
    /// How a REDCap records export is read (record ID field, event map): a .csv batch whose
    /// header is a REDCap export's is translated through it. Defaults to the recommended setup.
    /// </summary>
    public Batches.Redcap.RedcapSettings Redcap { get; init; } = new();

    /// <summary>Reader limits.</summary>
    public Batches.BatchReaderLimits ReaderLimits { get; init; } = Batches.BatchReaderLimits.Default;

    /// <summary>Builds a study ID regex from a site's configured pattern (anchored, culture-invariant, with a match timeout).</summary>
    public static Regex CompileStudyIdPattern(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromSeconds(1));
}

/// <summary>What the registry already holds about one patient of the site.</summary>
/// <param name="IndexDate">The site's index treatment date, when known.</param>
/// <param name="DeathDay">Days from index to death, when the registry has recorded a death.</param>
/// <param name="Withdrawn">Whether the patient withdrew consent.</param>
public sealed record KnownPatient(DateOnly? IndexDate, int? DeathDay, bool Withdrawn);

/// <summary>Looks up what the registry already holds about the site's patients.</summary>
public interface IKnownPatients
{
    /// <summary>Finds a patient by study ID.</summary>
    bool TryGet(string studyId, out KnownPatient patient);
}

/// <summary>An in-memory snapshot of the site's patients (built once per batch).</summary>
public sealed class KnownPatientSnapshot(IReadOnlyDictionary<string, KnownPatient> patients) : IKnownPatients
{
    /// <summary>A snapshot of a site with no patients yet.</summary>
    public static KnownPatientSnapshot Empty { get; } = new(new Dictionary<string, KnownPatient>());

    /// <inheritdoc />
    public bool TryGet(string studyId, out KnownPatient patient) => patients.TryGetValue(studyId, out patient!);
}
