namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>The result of checking one study ID.</summary>
public readonly record struct StudyIdCheckResult
{
    private StudyIdCheckResult(StudyIdOutcome outcome, IdentifierFinding? finding)
    {
        Outcome = outcome;
        Finding = finding;
    }

    /// <summary>The verdict.</summary>
    public StudyIdOutcome Outcome { get; }

    /// <summary>The identifier finding when <see cref="Outcome"/> is <see cref="StudyIdOutcome.LooksLikeIdentifier"/>.</summary>
    public IdentifierFinding? Finding { get; }

    /// <summary>The category the study ID looks like, or <see langword="null"/>.</summary>
    public IdentifierCategory? LooksLike => Finding?.Category;

    /// <summary>
    /// A stable code: <c>ok</c>, <c>pattern_mismatch</c>, or <c>looks_like_</c> followed by the
    /// category code (e.g. <c>looks_like_phone</c>, <c>looks_like_medical_record_number</c>).
    /// </summary>
    public string Code => Outcome switch
    {
        StudyIdOutcome.Ok => "ok",
        StudyIdOutcome.PatternMismatch => "pattern_mismatch",
        _ => "looks_like_" + Finding!.Category.ToCode(),
    };

    internal static StudyIdCheckResult Ok() => new(StudyIdOutcome.Ok, null);

    internal static StudyIdCheckResult PatternMismatch() => new(StudyIdOutcome.PatternMismatch, null);

    internal static StudyIdCheckResult LooksLikeIdentifier(IdentifierFinding finding) =>
        new(StudyIdOutcome.LooksLikeIdentifier, finding);
}
