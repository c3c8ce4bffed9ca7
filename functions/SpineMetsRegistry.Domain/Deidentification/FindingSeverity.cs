namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>How a finding affects its batch.</summary>
public enum FindingSeverity
{
    /// <summary>The batch must be quarantined. The default for every finding.</summary>
    Error,

    /// <summary>
    /// Reported to the site but does not quarantine the batch: only through an explicit
    /// per-field downgrade rule in <see cref="DeidentificationSettings"/>.
    /// </summary>
    Warning,
}
