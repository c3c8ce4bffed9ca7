namespace SpineMetsRegistry.Domain.Validation;

/// <summary>What the registry does with a validated batch.</summary>
public enum BatchDecision
{
    /// <summary>Every record is valid and will be stored.</summary>
    Accepted,

    /// <summary>The valid records will be stored; the invalid ones are reported and not stored.</summary>
    PartiallyAccepted,

    /// <summary>Nothing is stored: a structural problem, or an error under the hold-whole-batch policy.</summary>
    Held,

    /// <summary>Nothing is stored because no record is valid.</summary>
    Rejected,

    /// <summary>
    /// An identifier was found: nothing is stored, the bytes go to a quarantine area no site or
    /// committee member can read, and the site's report shows each finding masked.
    /// </summary>
    Quarantined,
}
