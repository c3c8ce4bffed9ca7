using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using SpineMetsRegistry.Domain.Instruments.Disease;
using SpineMetsRegistry.Domain.Instruments.Sins;

namespace SpineMetsRegistry.Domain.Instruments.Bilsky;

/// <summary>The radiation/surgery pathway NOMS suggests from the neurologic and oncologic assessment.</summary>
public enum NomsRadiationPathway
{
    /// <summary>Conventional external-beam radiotherapy (radiosensitive histology, any ESCC grade).</summary>
    ConventionalRadiotherapy,

    /// <summary>Stereotactic radiosurgery (radioresistant, low-grade ESCC).</summary>
    StereotacticRadiosurgery,

    /// <summary>Separation surgery followed by SRS (radioresistant, high-grade ESCC).</summary>
    SeparationSurgeryThenSrs,
}

/// <summary>The mechanical part of NOMS, from SINS; stabilisation is decided separately from the radiation pathway.</summary>
public enum NomsStabilisation
{
    /// <summary>SINS 13-18 (unstable): stabilisation to consider.</summary>
    StabilisationToConsider,

    /// <summary>SINS 7-12 (potentially unstable): stabilisation by clinical judgement.</summary>
    ClinicalJudgement,

    /// <summary>SINS 0-6 (stable): no stabilisation indicated by instability.</summary>
    NotIndicated,

    /// <summary>No SINS recorded: mechanical instability not assessed.</summary>
    NotAssessed,
}

/// <summary>The inputs of a NOMS pathway suggestion; <c>null</c> means not recorded.</summary>
/// <param name="Primary">Primary tumour (oncologic: radiosensitivity).</param>
/// <param name="Escc">Bilsky ESCC grade (neurologic).</param>
/// <param name="SinsTotal">SINS total 0-18 (mechanical); optional.</param>
public sealed record NomsInput(PrimaryTumour? Primary, BilskyGrade? Escc, int? SinsTotal);

/// <summary>A NOMS suggestion. It supports, never replaces, the multidisciplinary decision.</summary>
/// <param name="Radiosensitivity">Oncologic assessment.</param>
/// <param name="EsccSeverity">Neurologic assessment.</param>
/// <param name="Pathway">Suggested radiation/surgery pathway.</param>
/// <param name="Stabilisation">Mechanical assessment.</param>
/// <param name="Systemic">The systemic assessment, which the registry does not make.</param>
public sealed record NomsSuggestion(
    Radiosensitivity Radiosensitivity,
    EsccSeverity EsccSeverity,
    NomsRadiationPathway Pathway,
    NomsStabilisation Stabilisation,
    string Systemic);

/// <summary>
/// NOMS decision framework (Neurologic, Oncologic, Mechanical, Systemic). Laufer I et al. The
/// NOMS framework: approach to the treatment of spinal metastatic tumors. Oncologist
/// 2013;18(6):744-51, doi 10.1634/theoncologist.2012-0293. Radiosensitive: conventional EBRT
/// regardless of ESCC; radioresistant without high-grade ESCC: SRS; radioresistant with
/// high-grade ESCC: separation surgery then SRS. Mechanical instability (SINS 13+; 7-12 by
/// judgement) calls for stabilisation, decided separately. Radiosensitivity comes from a
/// configurable <see cref="RadiosensitivityMap"/> and 1c from the <see cref="BilskyGrade1cPolicy"/>.
/// </summary>
public static class NomsPathway
{
    /// <summary>The instrument.</summary>
    public static InstrumentInfo Instrument { get; } = new(
        "NOMS", "2013", "Laufer I et al. Oncologist 2013;18(6):744-51. doi:10.1634/theoncologist.2012-0293");

    // The rules a suggestion records depend on the map and the policy alone: built once per pair.
    private static readonly ConditionalWeakTable<RadiosensitivityMap, ConcurrentDictionary<BilskyGrade1cPolicy, ProvenanceMap<string>>> RulesByMap = [];

    /// <summary>Suggests a pathway.</summary>
    /// <param name="input">The assessment.</param>
    /// <param name="radiosensitivity">The radiosensitivity map in force.</param>
    /// <param name="policy">The Bilsky 1c policy in force.</param>
    /// <returns>The suggestion, or "not computable" when primary or ESCC grade is missing or SINS is out of range.</returns>
    public static ScoreResult<NomsSuggestion> Suggest(NomsInput input, RadiosensitivityMap radiosensitivity, BilskyGrade1cPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(radiosensitivity);
        var rules = RulesByMap.GetValue(radiosensitivity, _ => new())
            .GetOrAdd(policy, (p, map) => ScoreRecorder.RuleSet(
                ("radiosensitivityMap", map.Label),
                ("bilsky1cPolicy", BilskyCodes.Grade1cPolicy.ToCode(p))), radiosensitivity);
        var recorder = new ScoreRecorder(Instrument, null, rules)
            .Input("primary", DiseaseCodes.PrimaryTumour.ToCodeOrNull(input.Primary))
            .Input("escc", BilskyCodes.Grade.ToCodeOrNull(input.Escc));
        if (input is not { Primary: { } primary, Escc: { } escc })
        {
            return recorder.Missing<NomsSuggestion>();
        }

        // SINS is optional: without it the mechanical assessment is reported as not assessed.
        recorder.Input("sinsTotal", input.SinsTotal?.ToString(CultureInfo.InvariantCulture));
        if (input.SinsTotal is { } sins && (sins < SinsCalculator.Bands.MinimumTotal || sins > SinsCalculator.Bands.MaximumTotal))
        {
            return recorder.NotComputable<NomsSuggestion>(ScoreFailure.InvalidInput("sinsTotal", string.Create(CultureInfo.InvariantCulture, $"SINS total {sins} is outside 0-18.")));
        }

        var sensitivity = radiosensitivity.Classify(primary);
        var severity = BilskyClassifier.SeverityOf(escc, policy);
        var pathway = (sensitivity, severity) switch
        {
            (Radiosensitivity.Radiosensitive, _) => NomsRadiationPathway.ConventionalRadiotherapy,
            (Radiosensitivity.Radioresistant, EsccSeverity.LowGrade) => NomsRadiationPathway.StereotacticRadiosurgery,
            _ => NomsRadiationPathway.SeparationSurgeryThenSrs,
        };
        var stabilisation = input.SinsTotal switch
        {
            null => NomsStabilisation.NotAssessed,
            { } total => SinsCalculator.Bands.BandOf(total) switch
            {
                SinsCategory.Unstable => NomsStabilisation.StabilisationToConsider,
                SinsCategory.PotentiallyUnstable => NomsStabilisation.ClinicalJudgement,
                _ => NomsStabilisation.NotIndicated,
            },
        };
        return recorder.Computed(new NomsSuggestion(
            sensitivity, severity, pathway, stabilisation, "Not assessed by the registry: tolerance of treatment is decided by the treating team."));
    }
}
