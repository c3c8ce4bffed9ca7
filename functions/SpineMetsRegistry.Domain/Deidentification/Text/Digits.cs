namespace SpineMetsRegistry.Domain.Deidentification.Text;

/// <summary>Digit counting on spans (no LINQ, no allocation).</summary>
internal static class Digits
{
    /// <summary>Number of ASCII digits in <paramref name="text"/>.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text)
        {
            n += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return n;
    }
}
