namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>The registry's one rounding rule for reported scores: half away from zero, on decimals.</summary>
internal static class DecimalRounding
{
    /// <summary>
    /// Rounds half away from zero and gives the result exactly <paramref name="decimals"/> places
    /// (1 becomes 1.000), so a stored or printed score always shows its reporting precision.
    /// </summary>
    public static decimal HalfAwayFromZero(decimal value, int decimals) =>
        // Adding a zero of the target scale raises the scale without changing the value.
        Math.Round(value, decimals, MidpointRounding.AwayFromZero) + new decimal(0, 0, 0, false, checked((byte)decimals));
}
