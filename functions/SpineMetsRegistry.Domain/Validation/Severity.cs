namespace SpineMetsRegistry.Domain.Validation;

/// <summary>How serious a validation problem is.</summary>
public enum Severity
{
    /// <summary>The record (or, for structural problems, the batch) is rejected.</summary>
    Error,

    /// <summary>Reported to the site; the record is still accepted.</summary>
    Warning,
}
