namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// Character statistics of a value, computed in one pass so each detector can skip values that
/// cannot contain what it looks for (no '@': no e-mail address; fewer than 8 digits: no BSN).
/// </summary>
internal readonly struct TextProfile
{
    private TextProfile(int digits, int letters, int longestDigitRun, bool hasAt, bool hasColon, bool hasDot, bool hasUpper)
    {
        Digits = digits;
        Letters = letters;
        LongestDigitRun = longestDigitRun;
        HasAt = hasAt;
        HasColon = hasColon;
        HasDot = hasDot;
        HasUpper = hasUpper;
    }

    /// <summary>Number of ASCII digits.</summary>
    public int Digits { get; }

    /// <summary>Number of letters (any script).</summary>
    public int Letters { get; }

    /// <summary>Length of the longest run of consecutive ASCII digits.</summary>
    public int LongestDigitRun { get; }

    /// <summary>Whether the value contains '@' (or the full-width '＠').</summary>
    public bool HasAt { get; }

    /// <summary>Whether the value contains ':'.</summary>
    public bool HasColon { get; }

    /// <summary>Whether the value contains '.'.</summary>
    public bool HasDot { get; }

    /// <summary>Whether the value contains an upper-case letter.</summary>
    public bool HasUpper { get; }

    /// <summary>Computes the profile of <paramref name="text"/>.</summary>
    public static TextProfile Of(ReadOnlySpan<char> text)
    {
        int digits = 0, letters = 0, run = 0, longest = 0;
        bool at = false, colon = false, dot = false, upper = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
                run++;
                longest = Math.Max(longest, run);
                continue;
            }

            run = 0;
            if (char.IsLetter(c))
            {
                letters++;
                upper |= char.IsUpper(c);
            }
            else
            {
                at |= c is '@' or '\uFF20';
                colon |= c == ':';
                dot |= c == '.';
            }
        }

        return new TextProfile(digits, letters, longest, at, colon, dot, upper);
    }
}
