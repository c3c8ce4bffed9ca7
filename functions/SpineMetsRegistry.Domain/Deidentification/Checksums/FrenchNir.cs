namespace SpineMetsRegistry.Domain.Deidentification.Checksums;

/// <summary>
/// The French NIR (numéro de sécurité sociale): 13 characters (sex, year, month, department,
/// commune, order; Corsican departments 2A and 2B) and a two-digit key equal to
/// 97 - (number mod 97), where 2A is read as 19 and 2B as 18 for the computation.
/// </summary>
internal static class FrenchNir
{
    /// <summary>Whether 15 characters (spaces removed) form a valid NIR with its key.</summary>
    public static bool IsValid(ReadOnlySpan<char> compact)
    {
        if (compact.Length != 15 || compact[0] is not ('1' or '2' or '7' or '8'))
        {
            return false;
        }

        long value = 0;
        for (var i = 0; i < 13; i++)
        {
            var c = compact[i];
            if (i == 6 && compact[5] == '2' && c is 'A' or 'B')
            {
                // Department 2A/2B: replace "2A" by "19" and "2B" by "18".
                value = ((value / 10) * 100) + (c == 'A' ? 19 : 18);
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        if (!char.IsAsciiDigit(compact[13]) || !char.IsAsciiDigit(compact[14]))
        {
            return false;
        }

        var key = ((compact[13] - '0') * 10) + (compact[14] - '0');
        return key == 97 - (value % 97);
    }
}
