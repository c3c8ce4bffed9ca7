namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>
/// The findings of scanning one value. A clean result carries a shared empty list, so scanning
/// a clean value allocates nothing.
/// </summary>
public readonly struct FieldScanResult
{
    private readonly IReadOnlyList<IdentifierFinding>? findings;

    internal FieldScanResult(IReadOnlyList<IdentifierFinding> findings) => this.findings = findings;

    /// <summary>A result without findings.</summary>
    public static FieldScanResult Clean => default;

    /// <summary>The findings in text order (empty when clean).</summary>
    public IReadOnlyList<IdentifierFinding> Findings => findings ?? [];

    /// <summary>Whether nothing was found.</summary>
    public bool IsClean => findings is null || findings.Count == 0;

    /// <summary>Whether any finding is an error (quarantines the batch).</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var finding in Findings)
            {
                if (finding.Severity == FindingSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
