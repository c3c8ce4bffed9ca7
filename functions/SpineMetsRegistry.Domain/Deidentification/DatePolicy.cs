namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>
/// Which dates the registry may hold (45 CFR 164.514). A documented registry setting.
/// </summary>
public enum DatePolicy
{
    /// <summary>
    /// A limited data set (the default): index treatment, visit, death and withdrawal dates
    /// are stored as sent. Date of birth is never accepted (age at index is).
    /// </summary>
    LimitedDataSet,

    /// <summary>
    /// Safe Harbor: every date is reduced to its year before storing; visit timing is kept
    /// as days from the index treatment. The site's own index date is kept only in its
    /// follow-up schedule, so its reminders still work; it never reaches the research tables,
    /// aggregates or exports.
    /// </summary>
    SafeHarbor,
}
