namespace SpineMetsRegistry.Domain.Deidentification.Checksums;

/// <summary>
/// The structural rules of a US Social Security number (AAA-GG-SSSS; Social Security
/// Administration): area 000, 666 and 900-999 are never issued, group 00 and serial 0000 are
/// never issued. SSNs have no check digit, so these rules are all a scanner can test.
/// </summary>
internal static class UsSsn
{
    /// <summary>Whether area, group and serial (ASCII digits, 3/2/4 long) could form an issued SSN.</summary>
    public static bool IsPlausible(ReadOnlySpan<char> area, ReadOnlySpan<char> group, ReadOnlySpan<char> serial)
    {
        if (area.Length != 3 || group.Length != 2 || serial.Length != 4)
        {
            return false;
        }

        return area is not "000" and not "666"
            && area[0] != '9'
            && group is not "00"
            && serial is not "0000";
    }
}
