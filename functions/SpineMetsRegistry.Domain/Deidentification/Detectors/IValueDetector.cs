namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>One kind of identifier detection over a cell value.</summary>
internal interface IValueDetector
{
    /// <summary>Whether the detector runs on fields of <paramref name="kind"/>.</summary>
    bool AppliesTo(FieldContentKind kind);

    /// <summary>
    /// Adds a hit for every identifier found in <paramref name="text"/>. May throw
    /// <see cref="System.Text.RegularExpressions.RegexMatchTimeoutException"/>, which the scanner
    /// turns into an inconclusive finding.
    /// </summary>
    /// <param name="text">The value.</param>
    /// <param name="profile">Cheap character statistics of <paramref name="text"/>, for early exits.</param>
    /// <param name="kind">The field's content kind.</param>
    /// <param name="hits">Where hits go.</param>
    void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits);
}
