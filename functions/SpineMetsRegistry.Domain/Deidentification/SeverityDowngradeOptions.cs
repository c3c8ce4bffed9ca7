namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>
/// One downgrade rule as written in configuration, before validation (bindable: settable
/// properties, string category code).
/// </summary>
public sealed class SeverityDowngradeOptions
{
    /// <summary>The field code, e.g. <c>primary_other_text</c>. Wildcards are rejected.</summary>
    public string? Field { get; set; }

    /// <summary>The category code, e.g. <c>person_name</c> (see <see cref="IdentifierCategoryCodes"/>).</summary>
    public string? Category { get; set; }
}
