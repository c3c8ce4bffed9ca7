using System.Diagnostics.CodeAnalysis;
using SpineMetsRegistry.Domain.Instruments;

namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>
/// The outcome of <see cref="StudyIdCheck.Create(string?)"/>: a check or why the pattern was rejected.
/// Follows the Domain's result convention (<see cref="IsSuccess"/>, <see cref="Value"/>, <see cref="Error"/>).
/// </summary>
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

    private StudyIdCheckCreation(StudyIdCheck? value, ParseError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The check; present exactly when <see cref="IsSuccess"/>.</summary>
    public StudyIdCheck? Value { get; }

    /// <summary>Why the pattern was rejected (a stable code from this type and an explanation); null on success.</summary>
    public ParseError? Error { get; }

    /// <summary>Whether the pattern was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Value is not null;

    internal static StudyIdCheckCreation Success(StudyIdCheck check) => new(check, null);

    internal static StudyIdCheckCreation Failure(string code, string message) => new(null, new ParseError(code, message));
}
