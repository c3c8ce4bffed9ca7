namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>One span a detector considers an identifier.</summary>
/// <param name="Start">Start of the span in the scanned text.</param>
/// <param name="Length">Length of the span.</param>
/// <param name="Category">The identifier category.</param>
/// <param name="Evidence">How strong the evidence is (decides overlaps).</param>
internal readonly record struct DetectorHit(int Start, int Length, IdentifierCategory Category, HitEvidence Evidence)
{
    /// <summary>One past the last character of the span.</summary>
    public int End => Start + Length;

    /// <summary>Whether this span shares at least one character with <paramref name="other"/>.</summary>
    public bool Overlaps(DetectorHit other) => Start < other.End && other.Start < End;
}
