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
    private RegistryPolicies(RegistryConfiguration configuration, RecordScorer scorer, DeidentificationSettings deidentification)
    {
        Configuration = configuration;
        Scorer = scorer;
        Deidentification = deidentification;
        Scanner = new IdentifierScanner(deidentification);
    }

    /// <summary>The configuration as loaded.</summary>
    public RegistryConfiguration Configuration { get; }

    /// <summary>Scores records with the configured instrument choices.</summary>
    public RecordScorer Scorer { get; }

    /// <summary>The configured per-field identifier warnings.</summary>
    public DeidentificationSettings Deidentification { get; }

    /// <summary>Scans values for identifiers with the configured per-field warnings.</summary>
    public IdentifierScanner Scanner { get; }

    /// <summary>The settings.</summary>
    public RegistrySettings Settings => Configuration.Settings;

    /// <summary>The follow-up protocol.</summary>
    public FollowUpProtocol Protocol => Configuration.Settings.FollowUp;

    /// <summary>Finds a configured site, or null.</summary>
    public SiteConfiguration? FindSite(string code) => Configuration.FindSite(code);

    /// <summary>Resolves a configuration; returns the policies or every defect.</summary>
    public static (RegistryPolicies? Policies, IReadOnlyList<string> Errors) Create(RegistryConfiguration configuration, DataDictionary? dictionary = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var settings = configuration.Settings;

        var scorer = RecordScorer.Create(settings.Instruments);
        errors.AddRange(scorer.Errors.Select(e => $"settings.instruments.{e.Path}: {e.Message}"));

        var deidentification = DeidentificationSettings.Create(settings.DeidentificationWarnings);
        errors.AddRange(deidentification.Problems.Select(p => $"settings.deidentificationWarnings[{p.RuleIndex}]: {p.Message} ({p.Code})"));

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

        if (settings.SmallCellThreshold < 1)
        {
            errors.Add("settings.smallCellThreshold must be at least 1.");
        }

        if (!Enum.IsDefined(settings.DatePolicy))
        {
            errors.Add("settings.datePolicy must be LimitedDataSet or SafeHarbor.");
        }

        return errors.Count > 0 || scorer.Value is null || deidentification.Settings is null
            ? (null, errors)
            : (new RegistryPolicies(configuration, scorer.Value, deidentification.Settings), []);
    }
}
