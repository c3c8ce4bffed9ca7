using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Domain.Deidentification;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Configuration;

/// <summary>Registry-wide policy settings (the <c>settings</c> object of infra/registry.json).</summary>
public sealed class RegistrySettings
{
    /// <summary>What happens to the valid rows of a batch that also has invalid rows (default: store them).</summary>
    public InvalidRowPolicy InvalidRowPolicy { get; set; } = InvalidRowPolicy.AcceptValidRows;

    /// <summary>Which dates the registry holds (default: a limited data set).</summary>
    public DatePolicy DatePolicy { get; set; } = DatePolicy.LimitedDataSet;

    /// <summary>
    /// Registry dates (index treatment, visits, death) before this day are <c>implausible_date</c>
    /// errors of their row (default 2000-01-01; set it to the study start).
    /// </summary>
    public DateOnly EarliestPlausibleDate { get; set; } = BatchValidationContext.DefaultEarliestPlausibleDate;

    /// <summary>
    /// The largest batch file the registry ingests, in bytes (default 256 MiB, far above a
    /// million-row export); a larger upload is not processed and its report asks the site to split it.
    /// </summary>
    public long MaxBatchBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Identifier finding categories downgraded to warnings in one named field (e.g.
    /// person_name in primary_other_text). Never a global switch.
    /// </summary>
    public List<SeverityDowngradeOptions> DeidentificationWarnings { get; set; } = [];

    /// <summary>Instrument choices: value sets, Bilsky 1c policy, KPS-ECOG map, radiosensitivity, MCIDs.</summary>
    public InstrumentSettings Instruments { get; set; } = new();

    /// <summary>The follow-up schedule: time points and windows.</summary>
    public FollowUpProtocol FollowUp { get; set; } = new();

    /// <summary>Sites whose follow-up compliance at any time point falls below this fraction are listed in the weekly committee digest (default 0.8).</summary>
    public double ComplianceThreshold { get; set; } = 0.8;

    /// <summary>
    /// The weekday the committee's compliance digest is computed (default Monday); a sweep
    /// also computes it when seven days have passed since the last one (a missed weekday).
    /// </summary>
    public DayOfWeek ComplianceDigestWeekday { get; set; } = DayOfWeek.Monday;

    /// <summary>
    /// When the daily follow-up sweep runs: a daily six-field NCRONTAB expression in UTC
    /// (default "0 0 6 * * *", 06:00). The local host's daily job reads it; Bicep passes the same
    /// value to the Functions app's timer as the FollowUpSweepSchedule app setting.
    /// </summary>
    public string FollowUpSweepSchedule { get; set; } = global::SpineMetsRegistry.Domain.FollowUp.FollowUpSweepSchedule.Default;
    /// <summary>How REDCap records exports are read: the record ID field and the event map (default: the recommended events).</summary>
    public Batches.Redcap.RedcapSettings Redcap { get; set; } = new();

    /// <summary>Counts from 1 to this value minus one are suppressed in everything that leaves the system (default 11: "no cell 1-10").</summary>
    public int SmallCellThreshold { get; set; } = SmallCellSuppressor.DefaultThreshold;
}
