using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using SpineMetsRegistry.Domain.Instruments.Disease;

namespace SpineMetsRegistry.Domain.Instruments.Prognosis;

/// <summary>Inputs of NESMS; <c>null</c> means not recorded.</summary>
/// <param name="Primary">Primary tumour (for modified Bauer).</param>
/// <param name="Visceral">Visceral metastases (for modified Bauer).</param>
/// <param name="Bone">Bone metastasis counts (for modified Bauer).</param>
/// <param name="Ambulation">Ambulatory status; only <c>independent</c> earns the point.</param>
/// <param name="Albumin">Serum albumin (g/L).</param>
public sealed record NesmsInput(
    PrimaryTumour? Primary,
    VisceralMetastases? Visceral,
    BoneMetastasisBurden? Bone,
    AmbulatoryStatus? Ambulation,
    SerumAlbumin? Albumin);

/// <summary>
/// How many points NESMS gives a modified Bauer score of 3 or more. The registry reference
/// states "2 points" but also a range of 0-3 and a derived vector (breast, no visceral
/// metastases, solitary, ambulatory, albumin 3.9 g/dL) of 3, which only 1 point gives; public
/// descriptions of NESMS also give a 0-3 range in which the top score needs all three
/// favourable factors. The registry therefore defaults to <see cref="OnePoint"/> and keeps the
/// other reading as a named setting until the steering committee confirms it against the paper.
/// </summary>
public enum NesmsModifiedBauerRule
{
    /// <summary>Modified Bauer of 3 or more: 1 point; NESMS 0-3 (code <c>one_point</c>; registry default).</summary>
    [JsonStringEnumMemberName("one_point")]
    OnePoint,

    /// <summary>Modified Bauer of 3 or more: 2 points; NESMS 0-4 (code <c>two_points</c>).</summary>
    [JsonStringEnumMemberName("two_points")]
    TwoPoints,
}

/// <summary>A NESMS score with its components.</summary>
/// <param name="ModifiedBauer">The modified Bauer score it rests on.</param>
/// <param name="ModifiedBauerPoints">Points for a modified Bauer of 3 or more (see <see cref="NesmsModifiedBauerRule"/>), else 0.</param>
/// <param name="AmbulationPoints">1 for independent ambulation.</param>
/// <param name="AlbuminPoints">1 for albumin of at least 35 g/L (3.5 g/dL).</param>
/// <param name="Total">Total, 0-3 under the default rule.</param>
public sealed record NesmsScore(ModifiedBauerScore ModifiedBauer, int ModifiedBauerPoints, int AmbulationPoints, int AlbuminPoints, int Total);

/// <summary>
/// New England Spinal Metastasis Score: the composite model of Ghori AK, Schoenfeld AJ et al.
/// (Spine J; version labelled 2016 as in the registry reference), prospectively validated by
/// Schoenfeld AJ et al., Spine J 2021;21(1):28-36, doi 10.1016/j.spinee.2020.02.009. Modified
/// Bauer of 3 or more: points per <see cref="NesmsModifiedBauerRule"/> (default 1); independent
/// ambulation: 1; serum albumin of at least 3.5 g/dL (35 g/L): 1. Cut-offs as commonly
/// reported: confirm against the paper before relying on them clinically.
/// </summary>
public static class NesmsCalculator
{
    /// <summary>Albumin threshold: 3.5 g/dL = 35 g/L.</summary>
    public const decimal AlbuminThresholdGramsPerLitre = 35m;

    /// <summary>Lowest modified Bauer score earning the Bauer points.</summary>
    public const int ModifiedBauerThreshold = 3;

    /// <summary>The instrument.</summary>
    public static InstrumentInfo Instrument { get; } = new(
        "NESMS", "2016", "Ghori AK, Schoenfeld AJ et al. Spine J (composite model); validated Schoenfeld AJ et al. Spine J 2021;21(1):28-36. doi:10.1016/j.spinee.2020.02.009");

    /// <summary>Codes of the modified Bauer rule: <c>one_point|two_points</c>.</summary>
    public static CodeTable<NesmsModifiedBauerRule> ModifiedBauerRuleCodes { get; } = new("NESMS modified Bauer rule");

    // The rules a score records depend on the modified Bauer rule alone: built once per rule.
    private static readonly ConcurrentDictionary<NesmsModifiedBauerRule, ProvenanceMap<string>> RulesByBauerRule = new();

    /// <summary>Scores NESMS.</summary>
    /// <param name="input">The recorded items.</param>
    /// <param name="bauerRule">Points for a modified Bauer of 3 or more (default 1).</param>
    /// <returns>The score, or "not computable" naming missing items.</returns>
    public static ScoreResult<NesmsScore> Score(NesmsInput input, NesmsModifiedBauerRule bauerRule = NesmsModifiedBauerRule.OnePoint)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rules = RulesByBauerRule.GetOrAdd(bauerRule, rule => ScoreRecorder.RuleSet(
            ModifiedBauerCalculator.SolitaryRule,
            ("modifiedBauerRule", ModifiedBauerRuleCodes.ToCode(rule)),
            ("albuminThreshold", "35 g/L (= 3.5 g/dL; 1 g/dL = 10 g/L)"),
            ("independentAmbulation", "ambulation code 'independent' only")));
        var recorder = ModifiedBauerCalculator.Record(new ScoreRecorder(Instrument, null, rules), new ModifiedBauerInput(input.Primary, input.Visceral, input.Bone))
            .Input("ambulation", DiseaseCodes.AmbulatoryStatus.ToCodeOrNull(input.Ambulation))
            .Input("albuminGramsPerLitre", input.Albumin?.ToString());
        if (input is not { Primary: { } primary, Visceral: { } visceral, Bone: { } bone, Ambulation: { } ambulation, Albumin: { } albumin })
        {
            return recorder.Missing<NesmsScore>();
        }

        var bauer = ModifiedBauerCalculator.Compute(primary, visceral, bone);
        var bauerPoints = bauer.Total >= ModifiedBauerThreshold ? (bauerRule == NesmsModifiedBauerRule.TwoPoints ? 2 : 1) : 0;
        var ambulationPoints = ambulation == AmbulatoryStatus.Independent ? 1 : 0;
        var albuminPoints = albumin.GramsPerLitre >= AlbuminThresholdGramsPerLitre ? 1 : 0;
        return recorder.Computed(new NesmsScore(bauer, bauerPoints, ambulationPoints, albuminPoints, bauerPoints + ambulationPoints + albuminPoints));
    }
}
