using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Domain.Validation;

/// <summary>
/// The outcome of typing one cell: a value, or why it could not be typed. Follows the Domain's
/// result convention (<see cref="IsSuccess"/>, <see cref="Value"/>, <see cref="Error"/>, named failure factories).
/// </summary>
public readonly record struct FieldParseResult
{
    private FieldParseResult(object? value, ParseError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The typed value; present exactly when <see cref="IsSuccess"/>.</summary>
    public object? Value { get; }

    /// <summary>Why the cell could not be typed (a <see cref="ProblemCodes"/> code and an explanation that never quotes the value); null on success.</summary>
    public ParseError? Error { get; }

    /// <summary>Whether the cell was typed.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>A typed value.</summary>
    public static FieldParseResult Success(object value) => new(value, null);

    /// <summary>The value is not of the field's type.</summary>
    public static FieldParseResult InvalidType(string message) => new(null, new ParseError(ProblemCodes.InvalidType, message));

    /// <summary>The value is outside the field's range.</summary>
    public static FieldParseResult OutOfRange(string message) => new(null, new ParseError(ProblemCodes.OutOfRange, message));

    /// <summary>The value is not one of the field's codes.</summary>
    public static FieldParseResult InvalidCode(string message) => new(null, new ParseError(ProblemCodes.InvalidCode, message));

    /// <summary>The text is too long.</summary>
    public static FieldParseResult TooLong(string message) => new(null, new ParseError(ProblemCodes.TooLong, message));
}

/// <summary>
/// Types a trimmed, non-empty cell according to its dictionary field. Lenient where sites
/// legitimately differ ("22.0" for an integer, codes in any case, yes/1/true), strict where
/// ambiguity would corrupt data (decimal commas, non-ISO dates).
/// </summary>
public static class FieldValueParser
{
    /// <summary>The words read as yes, in lower case (accepted in any case).</summary>
    internal static readonly string[] TrueWords = ["1", "yes", "true", "y"];

    /// <summary>The words read as no, in lower case (accepted in any case).</summary>
    internal static readonly string[] FalseWords = ["0", "no", "false", "n"];

    /// <summary>Types <paramref name="text"/> (already trimmed and non-empty) as <paramref name="field"/>.</summary>
    public static FieldParseResult Parse(FieldDefinition field, string text)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(text);
        return field.Type switch
        {
            FieldType.Integer => ParseInteger(field, text),
            FieldType.Decimal => ParseDecimal(field, text),
            FieldType.Date => ParseDate(text),
            FieldType.Code => ParseCode(field, text),
            FieldType.LevelList => ParseCodeList(field, text),
            FieldType.Boolean => ParseBoolean(text),
            FieldType.Age => ParseAge(field, text),
            FieldType.Text => ParseText(field, text),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, "Unknown field type."),
        };
    }

    private static FieldParseResult ParseInteger(FieldDefinition field, string text)
    {
        // Most integer cells are plain whole numbers ("42", "-3"): read as such, without the
        // slower decimal parse; anything else ("22.0", "1e3", too many digits) takes the
        // general path below, so what is accepted and every message stay the same.
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return CheckRange(field, whole) ?? FieldParseResult.Success(BoxedValues.Of(whole));
        }

        if (!TryParseNumber(text, out var number))
        {
            return FieldParseResult.InvalidType(NotANumber(field, "a whole number"));
        }

        if (number != decimal.Truncate(number))
        {
            return FieldParseResult.InvalidType($"{field.Label} must be a whole number.");
        }

        var range = CheckRange(field, number);
        if (range is { } failure)
        {
            return failure;
        }

        // The range check bounds the number, so the conversion cannot overflow for dictionary
        // fields; an unbounded integer field would still be guarded by checked arithmetic.
        return number is < long.MinValue or > long.MaxValue
            ? FieldParseResult.OutOfRange($"{field.Label} is too large.")
            : FieldParseResult.Success(BoxedValues.Of((long)number));
    }

    private static FieldParseResult ParseDecimal(FieldDefinition field, string text)
    {
        if (!TryParseNumber(text, out var number))
        {
            return FieldParseResult.InvalidType(text.Contains(',', StringComparison.Ordinal)
                ? $"{field.Label} must use a dot as decimal separator (e.g. 3.5), not a comma."
                : NotANumber(field, "a number"));
        }

        return CheckRange(field, number) ?? FieldParseResult.Success(number);
    }

    private static bool TryParseNumber(string text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);

    private static string NotANumber(FieldDefinition field, string kind) =>
        $"{field.Label} must be {kind}; leave the cell empty when the value is missing.";

    /// <summary>
    /// <see cref="CheckRange(FieldDefinition, decimal)"/> for a whole number: a whole step is
    /// checked with integer division (the decimal remainder was a visible share of typing an
    /// integer cell); a fractional step takes the decimal path. Same outcome and messages.
    /// </summary>
    private static FieldParseResult? CheckRange(FieldDefinition field, long number)
    {
        if (field.Step is { } step && step > 0 && step <= long.MaxValue && decimal.Truncate(step) == step)
        {
            if ((field.Min is { } min && number < min) || (field.Max is { } max && number > max))
            {
                return FieldParseResult.OutOfRange(RangeMessage(field));
            }

            return number % (long)step != 0
                ? FieldParseResult.OutOfRange(string.Create(CultureInfo.InvariantCulture, $"{field.Label} must be a multiple of {step}."))
                : null;
        }

        return CheckRange(field, (decimal)number);
    }

    private static FieldParseResult? CheckRange(FieldDefinition field, decimal number)
    {
        if ((field.Min is { } min && number < min) || (field.Max is { } max && number > max))
        {
            return FieldParseResult.OutOfRange(RangeMessage(field));
        }

        if (field.Step is { } step && step > 0 && number % step != 0)
        {
            return FieldParseResult.OutOfRange(string.Create(CultureInfo.InvariantCulture, $"{field.Label} must be a multiple of {step}."));
        }

        return null;
    }

    internal static string RangeMessage(FieldDefinition field, decimal? maxOverride = null)
    {
        var max = maxOverride ?? field.Max;
        var unit = field.Unit is null ? string.Empty : " " + field.Unit;
        return (field.Min, max) switch
        {
            ({ } min, { } hi) => string.Create(CultureInfo.InvariantCulture, $"{field.Label} must be between {min} and {hi}{unit}."),
            ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $"{field.Label} must be at least {min}{unit}."),
            (null, { } hi) => string.Create(CultureInfo.InvariantCulture, $"{field.Label} must be at most {hi}{unit}."),
            _ => $"{field.Label} is out of range.",
        };
    }

    private static FieldParseResult ParseDate(string text) =>
        (TryReadIsoDate(text, out var date) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            ? FieldParseResult.Success(date)
            : FieldParseResult.InvalidType("The date must be a real calendar date written YYYY-MM-DD (e.g. 2026-03-14).");

    /// <summary>
    /// Reads the usual form of a date cell, exactly ten characters <c>dddd-dd-dd</c> (ASCII
    /// digits) naming a real calendar day, without the general format parser; false for
    /// anything else, which <see cref="ParseDate"/> then gives to
    /// <see cref="DateOnly.TryParseExact(string, string, IFormatProvider, DateTimeStyles, out DateOnly)"/>
    /// (so what is accepted does not change).
    /// </summary>
    internal static bool TryReadIsoDate(string text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text.AsSpan(0, 4), out var year) || !TryDigits(text.AsSpan(5, 2), out var month) || !TryDigits(text.AsSpan(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = checked((value * 10) + (c - '0'));
        }

        return true;
    }

    private static FieldParseResult ParseCode(FieldDefinition field, string text)
    {
        var codes = field.CodeList!;
        return codes.TryFind(text, out var entry)
            ? FieldParseResult.Success(entry.Code)
            : FieldParseResult.InvalidCode($"{field.Label} must be one of: {AllowedCodes(codes)}.");
    }

    private static FieldParseResult ParseCodeList(FieldDefinition field, string text)
    {
        var codes = field.CodeList!;
        var parts = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var canonical = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            if (!codes.TryFind(part, out var entry))
            {
                return FieldParseResult.InvalidCode($"{field.Label} must be codes separated by semicolons, each one of: {AllowedCodes(codes)}.");
            }

            if (!canonical.Contains(entry.Code, StringComparer.Ordinal))
            {
                canonical.Add(entry.Code);
            }
        }

        return canonical.Count == 0
            ? FieldParseResult.InvalidCode($"{field.Label} must list at least one code.")
            : FieldParseResult.Success(canonical.ToArray());
    }

    private static string AllowedCodes(CodeList codes) =>
        codes.Entries.Count <= 12
            ? string.Join(", ", codes.Entries.Select(e => e.Code))
            : string.Join(", ", codes.Entries.Take(8).Select(e => e.Code)) + $" ... ({codes.Entries.Count} codes; see the data dictionary)";

    private static FieldParseResult ParseBoolean(string text)
    {
        if (TrueWords.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return FieldParseResult.Success(BoxedValues.Of(true));
        }

        return FalseWords.Contains(text, StringComparer.OrdinalIgnoreCase)
            ? FieldParseResult.Success(BoxedValues.Of(false))
            : FieldParseResult.InvalidType("The value must be yes or no (1/0 and true/false are accepted too).");
    }

    private static FieldParseResult ParseAge(FieldDefinition field, string text)
    {
        var topCode = field.TopCode ?? AgeAtIndex.TopCode;
        if (string.Equals(text, topCode, StringComparison.Ordinal))
        {
            return FieldParseResult.Success(new AgeAtIndex((int)(field.Max ?? 89) + 1, IsTopCoded: true));
        }

        if (!TryParseNumber(text, out var years) || years != decimal.Truncate(years))
        {
            return FieldParseResult.InvalidType($"{field.Label} must be whole years, or \"{topCode}\".");
        }

        if (field.Max is { } max && years > max)
        {
            return FieldParseResult.OutOfRange(string.Create(CultureInfo.InvariantCulture, $"Ages above {max} must be sent as \"{topCode}\", never as the exact age."));
        }

        if (field.Min is { } min && years < min)
        {
            return FieldParseResult.OutOfRange(string.Create(CultureInfo.InvariantCulture, $"{field.Label} must be at least {min} years: the registry enrolls adults."));
        }

        return FieldParseResult.Success(new AgeAtIndex((int)years, IsTopCoded: false));
    }

    private static FieldParseResult ParseText(FieldDefinition field, string text) =>
        field.MaxLength is { } maxLength && text.Length > maxLength
            ? FieldParseResult.TooLong(string.Create(CultureInfo.InvariantCulture, $"{field.Label} may be at most {maxLength} characters."))
            : FieldParseResult.Success(text);
}
