using System.Globalization;
using SpineMetsRegistry.Domain.Instruments.Disease;
using SpineMetsRegistry.Domain.Instruments.Neurology;
using SpineMetsRegistry.Domain.Instruments.Performance;

namespace SpineMetsRegistry.Domain.Instruments.Prognosis;

/// <summary>
/// Inputs of the revised Tokuhashi score; <c>null</c> means not recorded. General condition is
/// KPS; when only ECOG is recorded it is converted with the named KPS-ECOG map in force, and
/// the result says which map converted it.
/// </summary>
/// <param name="Primary">Primary tumour.</param>
/// <param name="Kps">Karnofsky performance status, when recorded.</param>
/// <param name="Ecog">ECOG grade, used only when KPS is not recorded.</param>
/// <param name="Bone">Spinal and extraspinal bone metastasis counts.</param>
/// <param name="Visceral">Metastases to major internal organs.</param>
/// <param name="Frankel">Palsy (Frankel grade).</param>
public sealed record TokuhashiInput(
    PrimaryTumour? Primary,
    KarnofskyScore? Kps,
    EcogGrade? Ecog,
    BoneMetastasisBurden? Bone,
    VisceralMetastases? Visceral,
    FrankelGrade? Frankel);

/// <summary>A revised Tokuhashi score with its component points.</summary>
/// <param name="KpsUsed">KPS used for general condition (recorded or converted from ECOG).</param>
/// <param name="GeneralConditionPoints">KPS 10-40: 0; 50-70: 1; 80-100: 2.</param>
/// <param name="ExtraspinalBonePoints">Extraspinal bone metastasis foci: 3 or more 0; 1-2 1; 0 2.</param>
/// <param name="VertebralBodyPoints">Metastases in the vertebral body: 3 or more 0; 2 1; 1 2.</param>
/// <param name="VisceralPoints">Major internal organs: unremovable 0; removable 1; none 2.</param>
/// <param name="PrimarySite">Primary-site group.</param>
/// <param name="PrimarySitePoints">Primary-site points 0-5.</param>
/// <param name="PalsyPoints">Frankel A/B 0; C/D 1; E 2.</param>
/// <param name="Total">Total 0-15.</param>
/// <param name="Band">Predicted survival band.</param>
public sealed record TokuhashiScore(
    int KpsUsed,
    int GeneralConditionPoints,
    int ExtraspinalBonePoints,
    int VertebralBodyPoints,
    int VisceralPoints,
    TokuhashiPrimarySite PrimarySite,
    int PrimarySitePoints,
    int PalsyPoints,
    int Total,
    TokuhashiSurvivalBand Band);

/// <summary>
/// Revised Tokuhashi score. Tokuhashi Y, Matsuzaki H, Oda H, Oshima M, Ryu J. A revised scoring
/// system for preoperative evaluation of metastatic spine tumor prognosis. Spine
/// 2005;30(19):2186-91. Six items summed to 0-15; 0-8 predicted survival under 6 months, 9-11
/// 6 months or more, 12-15 1 year or more. The vertebral-body row is scored on the count of
/// vertebral metastases (some reproductions wrongly copy the extraspinal row into it). No
/// total with a missing item.
/// </summary>
public static class TokuhashiCalculator
{
    /// <summary>The instrument.</summary>
    public static InstrumentInfo Instrument { get; } = new(
        "Tokuhashi", "revised-2005", "Tokuhashi Y et al. Spine 2005;30(19):2186-91");

    // The rule every score records (a converted ECOG adds one, to a copy): built once.
    private static ProvenanceMap<string> Rules { get; } = ScoreRecorder.RuleSet(("primarySiteTable", TokuhashiTables.PrimarySite.Label));

    /// <summary>Scores the revised Tokuhashi.</summary>
    /// <param name="input">The recorded items.</param>
    /// <param name="kpsEcogMap">Map used when only ECOG is recorded.</param>
    /// <returns>The score, or "not computable" naming missing items, or when KPS is 0 (outside the 10-100% the score is defined for).</returns>
    public static ScoreResult<TokuhashiScore> Score(TokuhashiInput input, KpsEcogMap kpsEcogMap)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(kpsEcogMap);
        var recorder = new ScoreRecorder(Instrument, TokuhashiTables.PrimarySite.Label, Rules);
        var kps = input.Kps;
        if (kps is null && input.Ecog is { } ecog)
        {
            kps = kpsEcogMap.ToKps(ecog);
            recorder.Input("ecog", ecog.ToString())
                .Rule("kpsFromEcog", string.Create(CultureInfo.InvariantCulture, $"ECOG {ecog} converted to KPS {kps} with map '{kpsEcogMap.Name}'"));
        }

        recorder.Input("kps", kps?.ToString())
            .Input("primary", DiseaseCodes.PrimaryTumour.ToCodeOrNull(input.Primary))
            .Input("spinalMetastases", input.Bone?.Spinal.ToString(CultureInfo.InvariantCulture))
            .Input("extraspinalBoneMetastases", input.Bone?.Extraspinal.ToString(CultureInfo.InvariantCulture))
            .Input("visceral", DiseaseCodes.VisceralMetastases.ToCodeOrNull(input.Visceral))
            .Input("frankel", NeurologyCodes.Frankel.ToCodeOrNull(input.Frankel));
        if (kps is not { } k || input is not { Primary: { } primary, Bone: { } bone, Visceral: { } visceral, Frankel: { } frankel })
        {
            return recorder.Missing<TokuhashiScore>();
        }

        if (k.Value < 10)
        {
            return recorder.NotComputable<TokuhashiScore>(ScoreFailure.OutsideInstrumentRange("kps", "Tokuhashi general condition is defined for KPS 10-100%; KPS 0 is death."));
        }

        var site = TokuhashiTables.PrimarySite.CategoryOf(primary);
        var points = new
        {
            General = k.Value switch { <= 40 => 0, <= 70 => 1, _ => 2 },
            Extraspinal = bone.Extraspinal switch { 0 => 2, <= 2 => 1, _ => 0 },
            Vertebral = bone.Spinal switch { 1 => 2, 2 => 1, _ => 0 },
            Visceral = visceral switch { VisceralMetastases.None => 2, VisceralMetastases.Removable => 1, _ => 0 },
            Site = TokuhashiTables.Points(site),
            Palsy = frankel switch { FrankelGrade.A or FrankelGrade.B => 0, FrankelGrade.C or FrankelGrade.D => 1, _ => 2 },
        };
        var total = points.General + points.Extraspinal + points.Vertebral + points.Visceral + points.Site + points.Palsy;
        return recorder.Computed(new TokuhashiScore(
            k.Value, points.General, points.Extraspinal, points.Vertebral, points.Visceral, site, points.Site, points.Palsy, total, TokuhashiTables.Bands.BandOf(total)));
    }
}
