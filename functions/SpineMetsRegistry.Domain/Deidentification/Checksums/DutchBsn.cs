namespace SpineMetsRegistry.Domain.Deidentification.Checksums;

/// <summary>
/// The Dutch burgerservicenummer (BSN) "elfproef": nine digits d1..d9 with
/// 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11 (and not all zero).
/// </summary>
/// <remarks>
/// Older BSNs (and their predecessor, the sofinummer) may be written with eight digits when the
/// first digit is 0. Decision: an eight-digit run is tested as a BSN (with the leading zero put
/// back) only when a BSN keyword precedes it ("BSN 12345672"); otherwise an eight-digit run is
/// left to the generic long-number rule, which still flags it as an identifying number. Testing
/// every eight-digit run as a BSN would label one in eleven random numbers (and many compact
/// dates such as 19510312) a BSN.
/// </remarks>
internal static class DutchBsn
{
    /// <summary>Whether <paramref name="digits"/> (8 or 9 ASCII digits) passes the elfproef.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length is not (8 or 9))
        {
            return false;
        }

        var offset = 9 - digits.Length; // an eight-digit BSN has an implied leading zero
        var sum = 0;
        var allZero = true;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

            allZero &= d == 0;
            var weight = i + offset == 8 ? -1 : 9 - (i + offset);
            sum += weight * d;
        }

        return !allZero && sum % 11 == 0;
    }
}
