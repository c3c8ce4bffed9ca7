using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Domain.Deidentification;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Domain.Scoring;

namespace SpineMetsRegistry.Domain.Configuration;

/// <summary>
/// The registry configuration resolved into the objects that apply it: the record scorer
/// (value sets and instrument choices), the identifier scanner (with its per-field
/// warnings), the follow-up protocol, and the site list. Built once at start-up; building
/// fails with every configuration defect listed.
/// </summary>
public sealed class RegistryPolicies
{
    private RegistryPolicies(RegistryConfiguration configuration, RecordScorer scorer, DeidentificationSettings deidentification, FollowUpSweepSchedule sweepSchedule)
    {
        SweepSchedule = sweepSchedule;
        Configuration = configuration;
        Scorer = scorer;
        Deidentification = deidentification;
        Scanner = new IdentifierScanner(deidentification);
        Disclosure = new DisclosureControl(configuration.Settings.SmallCellThreshold);
    }

    /// <summary>The configuration as loaded.</summary>
    public RegistryConfiguration Configuration { get; }

    /// <summary>Scores records with the configured instrument choices.</summary>
    public RecordScorer Scorer { get; }

    /// <summary>The configured per-field identifier warnings.</summary>
    public DeidentificationSettings Deidentification { get; }

    /// <summary>Scans values for identifiers with the configured per-field warnings.</summary>
    public IdentifierScanner Scanner { get; }

    /// <summary>The publishing step every figure leaving the registry passes through, at the configured threshold.</summary>
    public DisclosureControl Disclosure { get; }

    /// <summary>When the daily follow-up sweep runs (both hosts).</summary>
    public FollowUpSweepSchedule SweepSchedule { get; }

    /// <summary>The settings.</summary>
    public RegistrySettings Settings => Configuration.Settings;

    /// <summary>The follow-up protocol.</summary>
    public FollowUpProtocol Protocol => Configuration.Settings.FollowUp;

    /// <summary>Finds a configured site, or null.</summary>
    public SiteConfiguration? FindSite(string code) => Configuration.FindSite(code);

    /// <summary>Resolves a configuration; returns the policies or every defect.</summary>
    public static RegistryPoliciesResult Create(RegistryConfiguration configuration, DataDictionary? dictionary = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var settings = configuration.Settings;

        var scorer = RecordScorer.Create(settings.Instruments);
        errors.AddRange(scorer.Errors.Select(e => $"settings.instruments.{e.Path}: {e.Message}"));

        var deidentification = DeidentificationSettings.Create(settings.DeidentificationWarnings);
        errors.AddRange(deidentification.Errors.Select(p => $"settings.deidentificationWarnings[{p.RuleIndex}]: {p.Message} ({p.Code})"));

        errors.AddRange((settings.Redcap ?? new()).Check(dictionary ?? DataDictionary.Default).Select(e => "settings.redcap." + e));

        var timePoints = (dictionary ?? DataDictionary.Default).Field("time_point").CodeList!.Entries.Select(e => e.Code);
        errors.AddRange(settings.FollowUp.Check(timePoints).Select(e => "settings.followUp: " + e));

        if (settings.ComplianceThreshold is < 0 or > 1)
        {
            errors.Add("settings.complianceThreshold must be between 0 and 1.");
        }

        if (!Enum.IsDefined(settings.ComplianceDigestWeekday))
        {
            errors.Add("settings.complianceDigestWeekday must be a day of the week (e.g. Monday).");
        }

        var sweepSchedule = FollowUpSweepSchedule.Parse(settings.FollowUpSweepSchedule);
        if (sweepSchedule is null)
        {
            errors.Add("settings.followUpSweepSchedule must be a daily six-field NCRONTAB expression in UTC, seconds first (e.g. \"0 0 6 * * *\" for 06:00).");
        }

        if (settings.SmallCellThreshold < 1)
        {
            errors.Add("settings.smallCellThreshold must be at least 1.");
        }

        if (!Enum.IsDefined(settings.DatePolicy))
        {
            errors.Add("settings.datePolicy must be LimitedDataSet or SafeHarbor.");
        }

        return errors.Count > 0 || !scorer.IsSuccess || !deidentification.IsSuccess || sweepSchedule is null
            ? RegistryPoliciesResult.Failure(errors)
            : RegistryPoliciesResult.Success(new RegistryPolicies(configuration, scorer.Value, deidentification.Value, sweepSchedule));
    }
}
