using System.Globalization;
using SpineMetsRegistry.Domain.Deidentification.Text;

namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>
/// Renders an identifier so that it can appear in a site report without revealing it.
/// </summary>
/// <remarks>
/// <para>Rules per category:</para>
/// <list type="table">
/// <item><term>email</term><description>first character of the local part, <c>***@***.</c>, and the
/// top-level domain if it has at most three letters (else <c>***</c>): <c>j***@***.org</c>. The
/// rest of the local part and the domain name never appear.</description></item>
/// <item><term>us_ssn</term><description><c>***-**-</c> and the last four digits, the form the
/// registry's specification shows: <c>***-**-1234</c>. This is the only rule that keeps more than
/// two characters of the identifier.</description></item>
/// <item><term>phone</term><description>the layout kept (separators <c>+ - . ( ) /</c> and spaces,
/// never two in a row), every digit replaced by '*' except the last two, anything else by '*':
/// <c>+31 6 1234 5678</c> becomes <c>+** * **** **78</c>.</description></item>
/// <item><term>person_name</term><description>first letter and <c>***</c>: <c>J***</c>.</description></item>
/// <item><term>every other category</term><description>the category code and the length in
/// characters: <c>[nl_bsn:9]</c>, <c>[date_of_birth:10]</c>, <c>[iban:22]</c>.</description></item>
/// </list>
/// <para>Guarantee (tested): apart from the SSN's last four digits, a masked rendering never
/// contains a run of more than four consecutive characters of the original, and never the
/// e-mail local part or domain name.</para>
/// </remarks>
public static class IdentifierMasker
{
    private const string PhoneSeparators = " -.()/+";

    /// <summary>Masks <paramref name="value"/>, an identifier of <paramref name="category"/>.</summary>
    /// <param name="category">The identifier's category (decides the rule).</param>
    /// <param name="value">The identifier text exactly as found.</param>
    /// <returns>A rendering safe for reports and logs.</returns>
    public static string Mask(IdentifierCategory category, ReadOnlySpan<char> value) => category switch
    {
        IdentifierCategory.Email => MaskEmail(value),
        IdentifierCategory.UsSocialSecurityNumber => MaskSsn(value),
        IdentifierCategory.Phone => MaskPhone(value),
        IdentifierCategory.PersonName => MaskName(value),
        _ => Placeholder(category, value),
    };

    private static string Placeholder(IdentifierCategory category, ReadOnlySpan<char> value) =>
        string.Create(CultureInfo.InvariantCulture, $"[{category.ToCode()}:{value.Length}]");

    private static string MaskEmail(ReadOnlySpan<char> value)
    {
        var at = value.IndexOfAny('@', '\uFF20');
        var first = value.IsEmpty ? '*' : value[0];
        if (at <= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{first}***@***");
        }

        var domain = value[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var topLevel = dot >= 0 ? domain[(dot + 1)..] : [];
        var shownTopLevel = topLevel.Length is >= 2 and <= 3 && IsAsciiLetters(topLevel)
            ? topLevel.ToString().ToLowerInvariant()
            : "***";
        return string.Create(CultureInfo.InvariantCulture, $"{first}***@***.{shownTopLevel}");
    }

    private static string MaskSsn(ReadOnlySpan<char> value)
    {
        Span<char> last4 = stackalloc char[4];
        var found = 0;
        for (var i = value.Length - 1; i >= 0 && found < 4; i--)
        {
            if (char.IsAsciiDigit(value[i]))
            {
                last4[3 - found++] = value[i];
            }
        }

        return found == 4 ? "***-**-" + new string(last4) : "***-**-****";
    }

    private static string MaskPhone(ReadOnlySpan<char> value)
    {
        var digitsTotal = Digits.Count(value);
        var keepFrom = digitsTotal - 2; // digits from this index on (among digits) are shown
        var lastDigit = value.LastIndexOfAnyInRange('0', '9');
        Span<char> buffer = value.Length <= 128 ? stackalloc char[value.Length] : new char[value.Length];
        var written = 0;
        var digitIndex = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiDigit(c))
            {
                buffer[written++] = digitIndex++ >= keepFrom ? c : '*';
            }
            else if (PhoneSeparators.Contains(c) && i < lastDigit)
            {
                // Keep the number's layout, but never two separators in a row, so what is shown
                // of the original is at most separator, digit, separator, digit.
                if (written == 0 || !PhoneSeparators.Contains(buffer[written - 1]))
                {
                    buffer[written++] = c;
                }
            }
            else
            {
                buffer[written++] = '*';
            }
        }

        return new string(buffer[..written]);
    }

    private static string MaskName(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (char.IsLetter(c))
            {
                return c + "***";
            }
        }

        return "***";
    }

    private static bool IsAsciiLetters(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
