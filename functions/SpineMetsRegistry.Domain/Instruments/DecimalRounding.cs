namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>The registry's one rounding rule for reported scores: half away from zero, on decimals.</summary>
internal static class DecimalRounding
{
    public static decimal HalfAwayFromZero(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
