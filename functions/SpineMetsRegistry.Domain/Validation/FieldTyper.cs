using System.Collections.Frozen;
using SpineMetsRegistry.Domain.Dictionary;

namespace SpineMetsRegistry.Domain.Validation;

/// <summary>
/// Types the cells of one dictionary field as <see cref="FieldValueParser.Parse"/> does, with
/// what the parser works out per cell (the field's whole-number range and step, its codes in
/// their canonical spelling) worked out once. A cell in the usual form (a plain whole number
/// within range, a code as the dictionary spells it, yes/no as 1/0) is typed here; every other
/// cell, and every cell that fails, goes to <see cref="FieldValueParser.Parse"/>, so what is
/// accepted, every typed value and every message stay the parser's.
/// </summary>
internal sealed class FieldTyper
{
    // Beyond 18 digits a number may not fit a long; such cells take the parser's path.
    private const int MaxPlainDigits = 18;

    private readonly FieldDefinition _field;
    private readonly bool _plainIntegers;
    private readonly long _min;
    private readonly long _max;
    private readonly long _step;
    private readonly FrozenDictionary<string, string>? _canonicalCodes;
    private readonly bool _plainDecimals;

    private FieldTyper(FieldDefinition field)
    {
        _field = field;
        switch (field.Type)
        {
            case FieldType.Integer:
                _plainIntegers = TryWhole(field.Min, long.MinValue, out _min) & TryWhole(field.Max, long.MaxValue, out _max) & TryStep(field.Step, out _step);
                break;
            case FieldType.Decimal:
                // A step leaves the field to the parser (its decimal remainder decides).
                _plainDecimals = field.Step is null;
                break;
            case FieldType.Code when field.CodeList is { } codes:
                // A code spelt exactly as the dictionary spells it is its own entry (codes are
                // unique ignoring case), so it needs no case-insensitive hash.
                _canonicalCodes = codes.Entries.ToFrozenDictionary(e => e.Code, e => e.Code, StringComparer.Ordinal);
                break;
            default:
                break;
        }
    }

    /// <summary>The field typed.</summary>
    public FieldDefinition Field => _field;

    /// <summary>A typer for <paramref name="field"/>.</summary>
    public static FieldTyper For(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new FieldTyper(field);
    }

    /// <summary>Types <paramref name="text"/> (trimmed, non-empty): the outcome of <see cref="FieldValueParser.Parse"/>.</summary>
    public FieldParseResult Parse(string text)
    {
        switch (_field.Type)
        {
            case FieldType.Integer when _plainIntegers && TryPlainWhole(text, out var whole)
                && whole >= _min && whole <= _max && (_step == 0 || whole % _step == 0):
                return FieldParseResult.Success(BoxedValues.Of(whole));
            case FieldType.Code when _canonicalCodes!.TryGetValue(text, out var code):
                return FieldParseResult.Success(code);
            case FieldType.Decimal when _plainDecimals && TryPlainDecimal(text, out var number)
                && !(_field.Min is { } min && number < min) && !(_field.Max is { } max && number > max):
                return FieldParseResult.Success(number);
            // The parser's yes/no words as it lists them, in lower case (other spellings take its path).
            case FieldType.Boolean when IsWord(text, FieldValueParser.TrueWords):
                return FieldParseResult.Success(BoxedValues.Of(true));
            case FieldType.Boolean when IsWord(text, FieldValueParser.FalseWords):
                return FieldParseResult.Success(BoxedValues.Of(false));
            default:
                return FieldValueParser.Parse(_field, text);
        }
    }

    /// <summary>
    /// Reads an optional sign and at most <see cref="MaxPlainDigits"/> ASCII digits: text that
    /// <see cref="long.TryParse(string?, System.Globalization.NumberStyles, IFormatProvider?, out long)"/>
    /// with a leading sign reads as the same number. False for anything else.
    /// </summary>
    internal static bool TryPlainWhole(string text, out long value)
    {
        value = 0;
        var start = text.Length > 0 && text[0] is '-' or '+' ? 1 : 0;
        var digits = text.Length - start;
        if (digits is < 1 or > MaxPlainDigits)
        {
            return false;
        }

        long number = 0;
        for (var i = start; i < text.Length; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            number = (number * 10) + digit;
        }

        value = start == 1 && text[0] == '-' ? -number : number;
        return true;
    }

    /// <summary>
    /// Reads unsigned ASCII digits with at most one inner decimal point ("27.1", "8", "007.50";
    /// at most <see cref="MaxPlainDigits"/> digits): text that
    /// <see cref="decimal.TryParse(string?, System.Globalization.NumberStyles, IFormatProvider?, out decimal)"/>
    /// reads as the same value with the same scale (trailing zeros kept). False for anything
    /// else (a sign, a leading or trailing point, an exponent), which the parser then reads.
    /// </summary>
    internal static bool TryPlainDecimal(string text, out decimal value)
    {
        value = 0m;
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? text.Length : text.Length - 1;
        if (digits is < 1 or > MaxPlainDigits || point == 0 || point == text.Length - 1)
        {
            return false;
        }

        long number = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (i == point)
            {
                continue;
            }

            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            number = (number * 10) + digit;
        }

        var scale = point < 0 ? 0 : text.Length - point - 1;
        // The low and high 32 bits of the 96-bit integer part (under 2^60: the top word is zero).
        value = new decimal(unchecked((int)number), unchecked((int)(number >> 32)), 0, isNegative: false, (byte)scale);
        return true;
    }

    private static bool IsWord(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (string.Equals(text, word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // A bound the fast path can compare as a whole number: none (the extreme), or whole and
    // within a long. A fractional bound leaves the field to the parser.
    private static bool TryWhole(decimal? bound, long none, out long value)
    {
        value = none;
        if (bound is not { } b)
        {
            return true;
        }

        if (b != decimal.Truncate(b) || b < long.MinValue || b > long.MaxValue)
        {
            return false;
        }

        value = (long)b;
        return true;
    }

    // No step (0), or a whole positive step within a long, which the parser checks with
    // integer division too; any other step leaves the field to the parser.
    private static bool TryStep(decimal? step, out long value)
    {
        value = 0;
        if (step is not { } s)
        {
            return true;
        }

        if (s <= 0 || s > long.MaxValue || s != decimal.Truncate(s))
        {
            return false;
        }

        value = (long)s;
        return true;
    }
}
