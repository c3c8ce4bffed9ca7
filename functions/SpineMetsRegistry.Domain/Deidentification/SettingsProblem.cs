namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>One reason a de-identification configuration was rejected.</summary>
/// <param name="RuleIndex">Zero-based index of the offending rule in the configured list.</param>
/// <param name="Code">A stable code, one of the constants of this type.</param>
/// <param name="Message">A human-readable explanation (contains configuration text only, never data).</param>
public sealed record SettingsProblem(int RuleIndex, string Code, string Message)
{
    /// <summary>The rule has no field.</summary>
    public const string FieldMissing = "deid.settings.field_missing";

    /// <summary>The field contains a wildcard or pattern character (<c>*</c>, <c>?</c>, ...) or names all fields.</summary>
    public const string FieldWildcard = "deid.settings.field_wildcard";

    /// <summary>The field is not a field code (lower-case letters, digits, underscores, starting with a letter).</summary>
    public const string FieldInvalid = "deid.settings.field_invalid";

    /// <summary>The rule has no category.</summary>
    public const string CategoryMissing = "deid.settings.category_missing";

    /// <summary>The category is not a known code.</summary>
    public const string CategoryUnknown = "deid.settings.category_unknown";

    /// <summary>The category may never be downgraded (<c>scan_inconclusive</c>).</summary>
    public const string CategoryNotDowngradable = "deid.settings.category_not_downgradable";

    /// <summary>The same field and category appear twice.</summary>
    public const string DuplicateRule = "deid.settings.duplicate_rule";
}
