using System.Globalization;
using SpineMetsRegistry.Domain.Instruments.Disease;

namespace SpineMetsRegistry.Domain.Instruments.Prognosis;

/// <summary>Inputs of the Tomita score; <c>null</c> means not recorded.</summary>
/// <param name="Primary">Primary tumour.</param>
/// <param name="Visceral">Visceral metastases (removable = treatable, unremovable = untreatable).</param>
/// <param name="Bone">Bone metastasis counts; solitary = exactly one in total.</param>
public sealed record TomitaInput(PrimaryTumour? Primary, VisceralMetastases? Visceral, BoneMetastasisBurden? Bone);

/// <summary>A Tomita score with its component points.</summary>
/// <param name="PrimaryGrowth">Growth group of the primary.</param>
/// <param name="PrimaryPoints">Slow 1, moderate 2, rapid 4.</param>
/// <param name="VisceralPoints">None 0, treatable 2, untreatable 4.</param>
/// <param name="BonePoints">Solitary 1, multiple 2.</param>
/// <param name="Total">Total 2-10.</param>
/// <param name="Strategy">Surgical strategy band.</param>
public sealed record TomitaScore(TomitaPrimaryGrowth PrimaryGrowth, int PrimaryPoints, int VisceralPoints, int BonePoints, int Total, TomitaStrategy Strategy);

/// <summary>
/// Tomita score. Tomita K, Kawahara N, Kobayashi T, Yoshida A, Murakami H, Akamaru T. Surgical
/// strategy for spinal metastases. Spine 2001;26(3):298-306. Primary growth (1/2/4) + visceral
/// metastases (0/2/4) + bone metastases (solitary 1, multiple 2) = 2-10; 2-3 wide or marginal
/// excision, 4-5 marginal or intralesional excision, 6-7 palliative surgery, 8-10 supportive
/// care. Registry rules: "treatable" = <c>removable</c>, "untreatable" = <c>unremovable</c>;
/// "solitary" = exactly one bone metastasis in total.
/// </summary>
public static class TomitaCalculator
{
    /// <summary>The instrument.</summary>
    public static InstrumentInfo Instrument { get; } = new("Tomita", "2001", "Tomita K et al. Spine 2001;26(3):298-306");

    // The same for every row: built once.
    private static ProvenanceMap<string> Rules { get; } = ScoreRecorder.RuleSet(
        ("primaryGrowthTable", TomitaTables.PrimaryGrowth.Label),
        ("solitary", "exactly one bone metastasis in total (spinal + extraspinal)"));

    /// <summary>Scores Tomita.</summary>
    /// <param name="input">The recorded items.</param>
    /// <returns>The score, or "not computable" naming missing items.</returns>
    public static ScoreResult<TomitaScore> Score(TomitaInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var recorder = new ScoreRecorder(Instrument, TomitaTables.PrimaryGrowth.Label, Rules)
            .Input("primary", DiseaseCodes.PrimaryTumour.ToCodeOrNull(input.Primary))
            .Input("visceral", DiseaseCodes.VisceralMetastases.ToCodeOrNull(input.Visceral))
            .Input("spinalMetastases", input.Bone?.Spinal.ToString(CultureInfo.InvariantCulture))
            .Input("extraspinalBoneMetastases", input.Bone?.Extraspinal.ToString(CultureInfo.InvariantCulture));
        if (input is not { Primary: { } primary, Visceral: { } visceral, Bone: { } bone })
        {
            return recorder.Missing<TomitaScore>();
        }

        var growth = TomitaTables.PrimaryGrowth.CategoryOf(primary);
        var primaryPoints = TomitaTables.Points(growth);
        var visceralPoints = visceral switch { VisceralMetastases.None => 0, VisceralMetastases.Removable => 2, _ => 4 };
        var bonePoints = bone.IsSolitary ? 1 : 2;
        var total = primaryPoints + visceralPoints + bonePoints;
        return recorder.Computed(new TomitaScore(growth, primaryPoints, visceralPoints, bonePoints, total, TomitaTables.Bands.BandOf(total)));
    }
}
