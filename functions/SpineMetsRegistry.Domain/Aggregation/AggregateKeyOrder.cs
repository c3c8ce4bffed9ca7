namespace SpineMetsRegistry.Domain.Aggregation;

/// <summary>
/// The order of cells in aggregate tables: "baseline" first, then numbers by value where
/// keys differ in a number ("6w" before "12w"), otherwise ordinal. Readers see time points
/// in follow-up order without knowing the protocol.
/// </summary>
public sealed class AggregateKeyOrder : IComparer<IReadOnlyList<string>>
{
    /// <summary>The shared instance.</summary>
    public static AggregateKeyOrder Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(IReadOnlyList<string>? x, IReadOnlyList<string>? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var compared = CompareKey(x[i], y[i]);
            if (compared != 0)
            {
                return compared;
            }
        }

        return x.Count.CompareTo(y.Count);
    }

    /// <summary>Compares two single keys.</summary>
    public static int CompareKey(string x, string y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var xBaseline = x == SiteAggregator.Baseline;
        var yBaseline = y == SiteAggregator.Baseline;
        if (xBaseline || yBaseline)
        {
            return xBaseline == yBaseline ? 0 : xBaseline ? -1 : 1;
        }

        var xDigits = LeadingNumber(x, out var xNumber);
        var yDigits = LeadingNumber(y, out var yNumber);
        if (xDigits > 0 && yDigits > 0 && xNumber != yNumber)
        {
            return xNumber.CompareTo(yNumber);
        }

        return string.CompareOrdinal(x, y);
    }

    private static int LeadingNumber(string key, out long number)
    {
        var digits = 0;
        while (digits < key.Length && digits < 18 && char.IsAsciiDigit(key[digits]))
        {
            digits++;
        }

        number = digits == 0 ? 0 : long.Parse(key.AsSpan(0, digits), System.Globalization.CultureInfo.InvariantCulture);
        return digits;
    }
}
