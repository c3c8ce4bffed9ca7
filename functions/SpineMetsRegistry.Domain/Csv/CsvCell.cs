using System.Buffers;

namespace SpineMetsRegistry.Domain.Csv;

/// <summary>
/// Renders one CSV field (RFC 4180) safely for spreadsheets. A field that a spreadsheet would
/// run as a formula is neutralised as OWASP's CSV-injection guidance recommends: when it starts
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return it is prefixed with a
/// single quote and quoted (OWASP, "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection).
/// The one exception is a plain decimal number such as <c>-0.12</c> (an EQ-5D index below zero)
/// or <c>+3</c>: a spreadsheet reads it as that number, never as a formula, and prefixing it
/// would change data that sites and the registry read back (synthetic batches are registry
/// input files). A field holding a separator, quote or line break is quoted with quotes doubled.
/// </summary>
public static class CsvCell
{
    private static readonly SearchValues<char> NeedsQuoting = SearchValues.Create(",\"\r\n");

    /// <summary>The characters that make a spreadsheet treat a leading cell as a formula or DDE call.</summary>
    public static ReadOnlySpan<char> FormulaTriggers => "=+-@\t\r";

    /// <summary>The field as written in a CSV row: neutralised when it could run as a formula, quoted when needed.</summary>
    /// <param name="value">The cell's text; null is written as an empty field.</param>
    public static string Render(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (IsFormulaLike(value))
        {
            return "\"'" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }

        return value.AsSpan().IndexOfAny(NeedsQuoting) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    /// <summary>Whether <paramref name="value"/> starts with a formula trigger and is not a plain decimal number.</summary>
    public static bool IsFormulaLike(ReadOnlySpan<char> value) =>
        value.Length > 0 && FormulaTriggers.Contains(value[0]) && !IsPlainNumber(value);

    /// <summary>An optional sign, digits, and optionally a dot and more digits: nothing a spreadsheet could evaluate.</summary>
    public static bool IsPlainNumber(ReadOnlySpan<char> value)
    {
        var rest = value.Length > 0 && value[0] is '+' or '-' ? value[1..] : value;
        var dot = rest.IndexOf('.');
        var whole = dot < 0 ? rest : rest[..dot];
        var fraction = dot < 0 ? "1".AsSpan() : rest[(dot + 1)..];
        return whole.Length > 0 && fraction.Length > 0 && !whole.ContainsAnyExceptInRange('0', '9') && !fraction.ContainsAnyExceptInRange('0', '9');
    }
}
