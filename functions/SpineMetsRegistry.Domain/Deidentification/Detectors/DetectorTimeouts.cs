namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// The match timeout of every detector pattern. All patterns are linear in practice; the timeout
/// is a backstop, and a timeout yields an inconclusive finding, never a clean result.
/// </summary>
internal static class DetectorTimeouts
{
    /// <summary>Per-match timeout in milliseconds.</summary>
    public const int Milliseconds = 250;
}
