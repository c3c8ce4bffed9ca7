namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// Collects detector hits for one value. Allocates its list only on the first hit, so scanning a
/// clean value allocates nothing.
/// </summary>
internal struct HitCollector
{
    private List<DetectorHit>? hits;

    /// <summary>Number of hits collected so far.</summary>
    public readonly int Count => hits?.Count ?? 0;

    /// <summary>Adds a hit.</summary>
    public void Add(int start, int length, IdentifierCategory category, HitEvidence evidence) =>
        (hits ??= new List<DetectorHit>(2)).Add(new DetectorHit(start, length, category, evidence));

    /// <summary>
    /// The hits after overlap resolution: strongest evidence first, then longest, each kept only if
    /// it overlaps no hit already kept; returned in text order. Empty when nothing was found.
    /// </summary>
    public readonly IReadOnlyList<DetectorHit> Resolve()
    {
        if (hits is null)
        {
            return [];
        }

        var ranked = hits.ToArray();
        Array.Sort(ranked, static (a, b) =>
        {
            var byEvidence = a.Evidence.CompareTo(b.Evidence);
            return byEvidence != 0 ? byEvidence : b.Length.CompareTo(a.Length);
        });

        var kept = new List<DetectorHit>(ranked.Length);
        foreach (var candidate in ranked)
        {
            if (!kept.Exists(candidate.Overlaps))
            {
                kept.Add(candidate);
            }
        }

        kept.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
