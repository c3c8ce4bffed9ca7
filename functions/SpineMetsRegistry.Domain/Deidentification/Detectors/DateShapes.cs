using System.Collections.Frozen;
using SpineMetsRegistry.Domain.Deidentification.Text;

namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>Recognises full calendar dates (day, month and year) in the shapes sites write them.</summary>
internal static class DateShapes
{
    /// <summary>Years accepted as part of a full date: a living or recently deceased person's dates.</summary>
    public const int MinYear = 1880;

    /// <inheritdoc cref="MinYear"/>
    public const int MaxYear = 2100;

    /// <summary>Month names and abbreviations in English, Dutch, German, French, Spanish and Italian, folded.</summary>
    private static readonly FrozenSet<string> MonthNames = new[]
    {
        "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july", "jul",
        "august", "aug", "september", "sep", "sept", "october", "oct", "november", "nov", "december", "dec",
        "januari", "februari", "maart", "mrt", "mei", "juni", "juli", "augustus", "oktober", "okt",
        "januar", "janner", "februar", "marz", "mai", "dezember", "dez",
        "janvier", "janv", "fevrier", "fevr", "fev", "mars", "avril", "avr", "juin", "juillet", "juil", "aout",
        "septembre", "octobre", "novembre", "decembre",
        "enero", "ene", "febrero", "marzo", "abril", "abr", "mayo", "junio", "julio", "agosto", "ago",
        "septiembre", "setiembre", "octubre", "noviembre", "diciembre", "dic",
        "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MonthLookup =
        MonthNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="word"/> (any case, accents allowed) is a month name or abbreviation.</summary>
    public static bool IsMonthName(ReadOnlySpan<char> word)
    {
        Span<char> folded = stackalloc char[24];
        if (word.Length > 12)
        {
            return false;
        }

        var n = LatinFolding.FoldInto(word, folded, lettersAndDigitsOnly: true);
        return n > 0 && MonthLookup.Contains(folded[..n]);
    }

    /// <summary>
    /// Whether <paramref name="text"/> is exactly a numeric full date: d-m-yyyy, m/d/yyyy or
    /// yyyy-m-d with one separator kind ('-', '/', '.'), for a valid day and month in either
    /// day-month or month-day order; with <paramref name="allowTwoDigitYear"/>, also d-m-yy.
    /// </summary>
    public static bool IsNumericDate(ReadOnlySpan<char> text, bool allowTwoDigitYear)
    {
        Span<Range> parts = stackalloc Range[4];
        var separator = text.IndexOfAny('-', '/', '.') is var at and >= 0 ? text[at] : '\0';
        if (separator == '\0' || text.Split(parts, separator) != 3)
        {
            return false;
        }

        var a = text[parts[0]];
        var b = text[parts[1]];
        var c = text[parts[2]];
        if (!AllDigits(a) || !AllDigits(b) || !AllDigits(c))
        {
            return false;
        }

        if (a.Length == 4 && b.Length <= 2 && c.Length <= 2)
        {
            return IsDate(Parse(a), Parse(b), Parse(c));
        }

        if (a.Length > 2 || b.Length > 2)
        {
            return false;
        }

        var year = c.Length switch
        {
            4 => Parse(c),
            2 when allowTwoDigitYear => 1900 + Parse(c),
            _ => -1,
        };
        return year > 0 && (IsDate(year, Parse(b), Parse(a)) || IsDate(year, Parse(a), Parse(b)));
    }

    /// <summary>
    /// Whether eight digits are a compact date yyyymmdd or ddmmyyyy with a plausible year.
    /// </summary>
    public static bool IsCompactDate(ReadOnlySpan<char> digits) =>
        digits.Length == 8
        && (IsDate(Parse(digits[..4]), Parse(digits[4..6]), Parse(digits[6..]))
            || IsDate(Parse(digits[4..]), Parse(digits[2..4]), Parse(digits[..2])));

    /// <summary>Whether the numbers form a real calendar date within the accepted years.</summary>
    public static bool IsDate(int year, int month, int day) =>
        year is >= MinYear and <= MaxYear
        && month is >= 1 and <= 12
        && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static bool AllDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');

    private static int Parse(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
