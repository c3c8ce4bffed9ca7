using System.Globalization;
using SpineMetsRegistry.Domain.Instruments.Disease;

namespace SpineMetsRegistry.Domain.Instruments.Prognosis;

/// <summary>Inputs of the modified Bauer score; <c>null</c> means not recorded.</summary>
/// <param name="Primary">Primary tumour.</param>
/// <param name="Visceral">Visceral metastases (only <c>none</c> earns the point).</param>
/// <param name="Bone">Bone metastasis counts; solitary = exactly one in total.</param>
public sealed record ModifiedBauerInput(PrimaryTumour? Primary, VisceralMetastases? Visceral, BoneMetastasisBurden? Bone);

/// <summary>A modified Bauer score: one point per favourable item.</summary>
/// <param name="NoVisceralMetastasesPoint">1 when there are no visceral metastases.</param>
/// <param name="PrimaryNotLungPoint">1 when the primary is not lung.</param>
/// <param name="FavourablePrimaryPoint">1 when the primary is breast, kidney, lymphoma or myeloma.</param>
/// <param name="SolitarySkeletalMetastasisPoint">1 when there is a single skeletal metastasis.</param>
/// <param name="Total">Total 0-4.</param>
public sealed record ModifiedBauerScore(
    int NoVisceralMetastasesPoint,
    int PrimaryNotLungPoint,
    int FavourablePrimaryPoint,
    int SolitarySkeletalMetastasisPoint,
    int Total);

/// <summary>
/// Modified Bauer score. Leithner A et al. Predictive value of seven preoperative prognostic
/// scoring systems for spinal metastases. Eur Spine J 2008;17(11):1488-95. One point each for:
/// no visceral metastases; primary not lung; primary breast, kidney, lymphoma or myeloma;
/// solitary skeletal metastasis (registry rule: exactly one bone metastasis in total). 0-4.
/// </summary>
public static class ModifiedBauerCalculator
{
    /// <summary>The instrument.</summary>
    public static InstrumentInfo Instrument { get; } = new(
        "Modified Bauer", "modified-2008", "Leithner A et al. Eur Spine J 2008;17(11):1488-95");

    /// <summary>Primaries earning the favourable-primary point.</summary>
    public static IReadOnlyList<PrimaryTumour> FavourablePrimaries { get; } =
        [PrimaryTumour.Breast, PrimaryTumour.Kidney, PrimaryTumour.Lymphoma, PrimaryTumour.Myeloma];

    /// <summary>Scores modified Bauer.</summary>
    /// <param name="input">The recorded items.</param>
    /// <returns>The score, or "not computable" naming missing items.</returns>
    public static ScoreResult<ModifiedBauerScore> Score(ModifiedBauerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var recorder = Record(new ScoreRecorder(Instrument, null, Rules), input);
        return input is { Primary: { } primary, Visceral: { } visceral, Bone: { } bone }
            ? recorder.Computed(Compute(primary, visceral, bone))
            : recorder.Missing<ModifiedBauerScore>();
    }

    internal static ScoreRecorder Record(ScoreRecorder recorder, ModifiedBauerInput input) => recorder
        .Input("primary", DiseaseCodes.PrimaryTumour.ToCodeOrNull(input.Primary))
        .Input("visceral", DiseaseCodes.VisceralMetastases.ToCodeOrNull(input.Visceral))
        .Input("spinalMetastases", input.Bone?.Spinal.ToString(CultureInfo.InvariantCulture))
        .Input("extraspinalBoneMetastases", input.Bone?.Extraspinal.ToString(CultureInfo.InvariantCulture));

    /// <summary>The rule every modified Bauer score records (NESMS records it first too).</summary>
    internal static (string Name, string Value) SolitaryRule => ("solitary", "exactly one bone metastasis in total (spinal + extraspinal)");

    // The same for every row: built once.
    private static ProvenanceMap<string> Rules { get; } = ScoreRecorder.RuleSet(SolitaryRule);

    internal static ModifiedBauerScore Compute(PrimaryTumour primary, VisceralMetastases visceral, BoneMetastasisBurden bone)
    {
        var noVisceral = visceral == VisceralMetastases.None ? 1 : 0;
        var notLung = primary != PrimaryTumour.Lung ? 1 : 0;
        var favourable = FavourablePrimaries.Contains(primary) ? 1 : 0;
        var solitary = bone.IsSolitary ? 1 : 0;
        return new ModifiedBauerScore(noVisceral, notLung, favourable, solitary, noVisceral + notLung + favourable + solitary);
    }
}
