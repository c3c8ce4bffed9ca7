namespace SpineMetsRegistry.Domain.Instruments.Sins;

/// <summary>A computed SINS: the points of each component, the total 0-18 and its category.</summary>
/// <param name="Location">Location class derived from the level.</param>
/// <param name="LocationPoints">Location points (0-3).</param>
/// <param name="PainPoints">Pain points (0, 1 or 3).</param>
/// <param name="BoneLesionPoints">Bone lesion points (0-2).</param>
/// <param name="AlignmentPoints">Alignment points (0, 2 or 4).</param>
/// <param name="CollapsePoints">Collapse points (0-3).</param>
/// <param name="PosterolateralPoints">Posterolateral points (0, 1 or 3).</param>
/// <param name="Total">Total 0-18.</param>
/// <param name="Category">Stable 0-6, potentially unstable 7-12, unstable 13-18.</param>
public sealed record SinsScore(
    SinsLocation Location,
    int LocationPoints,
    int PainPoints,
    int BoneLesionPoints,
    int AlignmentPoints,
    int CollapsePoints,
    int PosterolateralPoints,
    int Total,
    SinsCategory Category)
{
    /// <summary>True for totals 7-18, for which Fisher 2010 recommends surgical consultation.</summary>
    public bool SurgicalConsultationRecommended => Total >= SinsCalculator.SurgicalConsultationThreshold;
}
