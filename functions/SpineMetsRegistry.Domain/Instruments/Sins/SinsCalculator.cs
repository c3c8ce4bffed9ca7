using System.Collections.Concurrent;

namespace SpineMetsRegistry.Domain.Instruments.Sins;

/// <summary>
/// Spinal Instability Neoplastic Score. Source: Fisher CG, DiPaola CP, Ryken TC, et al.
/// A novel classification system for spinal instability in neoplastic disease. Spine
/// 2010;35(22):E1221-9, doi 10.1097/BRS.0b013e3181e16ae2. Six components summed to 0-18;
/// 0-6 stable, 7-12 potentially unstable, 13-18 unstable. A missing component gives no total:
/// the paper defines no imputation.
/// </summary>
public static class SinsCalculator
{
    /// <summary>Lowest total from which surgical consultation is recommended (7).</summary>
    public const int SurgicalConsultationThreshold = 7;

    /// <summary>The instrument.</summary>
    public static InstrumentInfo Instrument { get; } = new(
        "SINS", "2010", "Fisher CG et al. Spine 2010;35(22):E1221-9. doi:10.1097/BRS.0b013e3181e16ae2");

    /// <summary>The category bands of the total (0-6, 7-12, 13-18).</summary>
    public static ScoreBandTable<SinsCategory> Bands { get; } = new(
        0,
        18,
        new ScoreBand<SinsCategory>(0, 6, SinsCategory.Stable),
        new ScoreBand<SinsCategory>(7, 12, SinsCategory.PotentiallyUnstable),
        new ScoreBand<SinsCategory>(13, 18, SinsCategory.Unstable));

    // The location rule's text depends on the level alone (the location is derived from it):
    // built once per level rather than per scored row.
    private static readonly ConcurrentDictionary<string, string> LocationRules = new(StringComparer.Ordinal);

    /// <summary>Scores SINS.</summary>
    /// <param name="input">The recorded components.</param>
    /// <returns>The score, or "not computable" naming each missing component.</returns>
    public static ScoreResult<SinsScore> Score(SinsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var recorder = new ScoreRecorder(Instrument)
            .Input("level", input.Level?.Code)
            .Input("pain", SinsCodes.Pain.ToCodeOrNull(input.Pain))
            .Input("boneLesion", SinsCodes.BoneLesion.ToCodeOrNull(input.BoneLesion))
            .Input("alignment", SinsCodes.Alignment.ToCodeOrNull(input.Alignment))
            .Input("collapse", SinsCodes.Collapse.ToCodeOrNull(input.Collapse))
            .Input("posterolateral", SinsCodes.Posterolateral.ToCodeOrNull(input.Posterolateral));

        if (input is not { Level: { } level, Pain: { } pain, BoneLesion: { } lesion, Alignment: { } alignment, Collapse: { } collapse, Posterolateral: { } posterolateral })
        {
            return recorder.Missing<SinsScore>();
        }

        var location = SinsLocationMap.LocationOf(level);
        recorder.Rule("location", LocationRules.GetOrAdd(level.Code, (_, derived) => $"{SinsCodes.Location.ToCode(derived.Location)} (derived from level {derived.Level.Code})", (Location: location, Level: level)));
        var (locationPoints, painPoints, lesionPoints, alignmentPoints, collapsePoints, posterolateralPoints) =
            (Points(location), Points(pain), Points(lesion), Points(alignment), Points(collapse), Points(posterolateral));
        var total = locationPoints + painPoints + lesionPoints + alignmentPoints + collapsePoints + posterolateralPoints;
        return recorder.Computed(new SinsScore(location, locationPoints, painPoints, lesionPoints, alignmentPoints, collapsePoints, posterolateralPoints, total, Bands.BandOf(total)));
    }

    /// <summary>Location points: junctional 3, mobile 2, semirigid 1, rigid 0.</summary>
    /// <param name="location">Location class.</param>
    public static int Points(SinsLocation location) => location switch
    {
        SinsLocation.Junctional => 3,
        SinsLocation.Mobile => 2,
        SinsLocation.Semirigid => 1,
        SinsLocation.Rigid => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(location)),
    };

    /// <summary>Pain points: mechanical 3, occasional non-mechanical 1, pain-free 0.</summary>
    /// <param name="pain">Pain component.</param>
    public static int Points(SinsPain pain) => pain switch
    {
        SinsPain.Mechanical => 3,
        SinsPain.Occasional => 1,
        SinsPain.None => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(pain)),
    };

    /// <summary>Bone lesion points: lytic 2, mixed 1, blastic 0.</summary>
    /// <param name="lesion">Bone lesion component.</param>
    public static int Points(SinsBoneLesion lesion) => lesion switch
    {
        SinsBoneLesion.Lytic => 2,
        SinsBoneLesion.Mixed => 1,
        SinsBoneLesion.Blastic => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(lesion)),
    };

    /// <summary>Alignment points: subluxation/translation 4, de novo deformity 2, normal 0.</summary>
    /// <param name="alignment">Alignment component.</param>
    public static int Points(SinsAlignment alignment) => alignment switch
    {
        SinsAlignment.Subluxation => 4,
        SinsAlignment.Deformity => 2,
        SinsAlignment.Normal => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(alignment)),
    };

    /// <summary>Collapse points: over 50% 3, under 50% 2, no collapse with over 50% involved 1, none 0.</summary>
    /// <param name="collapse">Collapse component.</param>
    public static int Points(SinsCollapse collapse) => collapse switch
    {
        SinsCollapse.Over50 => 3,
        SinsCollapse.Under50 => 2,
        SinsCollapse.NoCollapseOver50Involved => 1,
        SinsCollapse.None => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(collapse)),
    };

    /// <summary>Posterolateral involvement points: bilateral 3, unilateral 1, none 0.</summary>
    /// <param name="posterolateral">Posterolateral component.</param>
    public static int Points(SinsPosterolateral posterolateral) => posterolateral switch
    {
        SinsPosterolateral.Bilateral => 3,
        SinsPosterolateral.Unilateral => 1,
        SinsPosterolateral.None => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(posterolateral)),
    };
}
