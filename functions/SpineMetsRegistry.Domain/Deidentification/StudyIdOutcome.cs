namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>The verdict of <see cref="StudyIdCheck.Check(string)"/>.</summary>
public enum StudyIdOutcome
{
    /// <summary>The study ID matches the site's pattern and looks like no identifier.</summary>
    Ok,

    /// <summary>The study ID does not match the site's configured pattern (a validation error).</summary>
    PatternMismatch,

    /// <summary>
    /// The study ID looks like an identifier (an identifier finding, whatever the pattern says):
    /// see <see cref="StudyIdCheckResult.LooksLike"/>.
    /// </summary>
    LooksLikeIdentifier,
}
