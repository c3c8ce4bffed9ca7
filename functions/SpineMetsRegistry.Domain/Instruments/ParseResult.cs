using System.Diagnostics.CodeAnalysis;

namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>
/// Why a value could not be parsed or accepted: the single failure of the Domain's one-failure
/// results (<see cref="ParseResult{T}"/>, <c>FieldParseResult</c>, <c>StudyIdCheckCreation</c>).
/// </summary>
/// <param name="Code">Stable machine-readable code (for instrument values <c>unknown_code</c>, <c>out_of_range</c>, <c>malformed</c>, <c>missing</c>; other results document theirs).</param>
/// <param name="Message">Human-readable explanation naming the accepted values.</param>
public sealed record ParseError(string Code, string Message)
{
    /// <summary>Code: the text is not one of the accepted codes.</summary>
    public const string UnknownCode = "unknown_code";

    /// <summary>Code: the value is well formed but outside its allowed range.</summary>
    public const string OutOfRangeCode = "out_of_range";

    /// <summary>Code: the text is not in the expected shape.</summary>
    public const string MalformedCode = "malformed";

    /// <summary>Code: no value was given.</summary>
    public const string MissingCode = "missing";
}

/// <summary>
/// The result of parsing user-supplied text into a typed value: the value or a <see cref="ParseError"/>.
/// Follows the Domain's result convention (<see cref="IsSuccess"/>, <see cref="Value"/>, <see cref="Error"/>).
/// </summary>
/// <typeparam name="T">The parsed type.</typeparam>
public sealed record ParseResult<T>
{
    internal ParseResult(T value, ParseError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>True when parsing succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The parsed value; <c>default</c> when parsing failed.</summary>
    public T Value { get; }

    /// <summary>The error, or <c>null</c> on success.</summary>
    public ParseError? Error { get; }

    /// <summary>Gets the parsed value when parsing succeeded.</summary>
    /// <param name="parsed">The value, or <c>default</c> on failure.</param>
    /// <returns>True on success.</returns>
    public bool TryGetValue(out T parsed)
    {
        parsed = Value;
        return IsSuccess;
    }
}

/// <summary>Factories for <see cref="ParseResult{T}"/>.</summary>
public static class ParseResult
{
    /// <summary>A successful parse.</summary>
    /// <typeparam name="T">The parsed type.</typeparam>
    /// <param name="value">The parsed value.</param>
    public static ParseResult<T> Success<T>(T value) => new(value, null);

    /// <summary>A failed parse.</summary>
    /// <typeparam name="T">The type that was being parsed.</typeparam>
    /// <param name="code">A <see cref="ParseError"/> code.</param>
    /// <param name="message">Human-readable explanation.</param>
    public static ParseResult<T> Failure<T>(string code, string message) => new(default!, new ParseError(code, message));
}
