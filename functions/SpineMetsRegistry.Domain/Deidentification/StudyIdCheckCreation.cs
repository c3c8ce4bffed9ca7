using System.Diagnostics.CodeAnalysis;

namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>The outcome of <see cref="StudyIdCheck.Create(string?)"/>: a check or why the pattern was rejected.</summary>
public sealed class StudyIdCheckCreation
{
    /// <summary>The pattern is empty.</summary>
    public const string PatternMissing = "deid.study_id.pattern_missing";

    /// <summary>The pattern is not a valid regular expression.</summary>
    public const string PatternInvalid = "deid.study_id.pattern_invalid";

    /// <summary>
    /// The pattern uses a construct the linear-time matcher does not support (back-references,
    /// look-arounds, atomic groups); site patterns must be plain regular expressions.
    /// </summary>
    public const string PatternUnsupported = "deid.study_id.pattern_unsupported";

    private StudyIdCheckCreation(StudyIdCheck? check, string? errorCode, string? message)
    {
        Check = check;
        ErrorCode = errorCode;
        Message = message;
    }

    /// <summary>The check; present exactly when <see cref="IsValid"/>.</summary>
    public StudyIdCheck? Check { get; }

    /// <summary>The stable error code when invalid.</summary>
    public string? ErrorCode { get; }

    /// <summary>A human-readable explanation when invalid.</summary>
    public string? Message { get; }

    /// <summary>Whether the pattern was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Check))]
    [MemberNotNullWhen(false, nameof(ErrorCode), nameof(Message))]
    public bool IsValid => Check is not null;

    internal static StudyIdCheckCreation Success(StudyIdCheck check) => new(check, null, null);

    internal static StudyIdCheckCreation Failure(string code, string message) => new(null, code, message);
}
