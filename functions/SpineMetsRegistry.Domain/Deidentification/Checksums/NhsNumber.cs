namespace SpineMetsRegistry.Domain.Deidentification.Checksums;

/// <summary>
/// The UK NHS number check digit (NHS Data Dictionary, "NHS number"): ten digits; the first nine
/// weighted 10 down to 2 and summed; check = 11 - (sum mod 11); a result of 11 means check digit 0
/// and a result of 10 means the number is invalid.
/// </summary>
internal static class NhsNumber
{
    /// <summary>Whether <paramref name="digits"/> (exactly 10 ASCII digits) is a valid NHS number.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

            sum += d * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        var last = digits[9] - '0';
        return check != 10 && last == check;
    }
}
