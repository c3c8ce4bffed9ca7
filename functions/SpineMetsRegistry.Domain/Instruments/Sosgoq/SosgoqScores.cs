namespace SpineMetsRegistry.Domain.Instruments.Sosgoq;

/// <summary>One SOSGOQ scale (domain, single item or total): its 0-100 score or why it has none.</summary>
/// <param name="Code">Scale code (<c>total</c> for the total).</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">Domain, single item or total.</param>
/// <param name="Score">0-100 (100 = best health), or <c>null</c> when too few items were answered.</param>
/// <param name="Answered">Items answered.</param>
/// <param name="MinimumAnswered">Items required by the definition.</param>
/// <param name="ItemCount">Items in the scale.</param>
/// <param name="MissingItems">Unanswered items, in definition order.</param>
/// <param name="Failure">Why <see cref="Score"/> is <c>null</c>; <c>null</c> when scored.</param>
public sealed record SosgoqScaleScore(
    string Code,
    string Name,
    SosgoqScaleKind Kind,
    decimal? Score,
    int Answered,
    int MinimumAnswered,
    int ItemCount,
    IReadOnlyList<string> MissingItems,
    ScoreFailure? Failure);

/// <summary>The scores of one SOSGOQ questionnaire: each domain and single item, and the total.</summary>
/// <param name="Scales">Domains and single items, in definition order.</param>
/// <param name="Total">The total over all items.</param>
public sealed record SosgoqScores(IReadOnlyList<SosgoqScaleScore> Scales, SosgoqScaleScore Total)
{
    /// <summary>Finds a scale by code.</summary>
    /// <param name="code">Scale code.</param>
    /// <returns>The scale's score, or <c>null</c> when the definition has no such scale.</returns>
    public SosgoqScaleScore? Scale(string code) => Scales.FirstOrDefault(s => s.Code == code);
}
