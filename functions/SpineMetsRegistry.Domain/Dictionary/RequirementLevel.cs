namespace SpineMetsRegistry.Domain.Dictionary;

/// <summary>How strongly a field must be present.</summary>
public enum RequirementLevel
{
    /// <summary>The field may be left empty.</summary>
    Optional,

    /// <summary>An empty value is reported as a warning; the record is still accepted.</summary>
    Recommended,

    /// <summary>An empty value is an error; the record is rejected.</summary>
    Required,

    /// <summary>The field must be empty (used for the "otherwise" branch of a condition).</summary>
    Forbidden,
}
