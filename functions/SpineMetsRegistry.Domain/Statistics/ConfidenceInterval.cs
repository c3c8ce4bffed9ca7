using MathNet.Numerics.Distributions;

namespace SpineMetsRegistry.Domain.Statistics;

/// <summary>A two-sided confidence interval.</summary>
/// <param name="Lower">Lower limit.</param>
/// <param name="Upper">Upper limit.</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper);

/// <summary>The confidence level the registry reports (95%, two-sided) and its normal quantile.</summary>
public static class ConfidenceLevel
{
    /// <summary>The two-sided confidence level, 0.95.</summary>
    public const double Level = 0.95;

    /// <summary>The standard normal 0.975 quantile (1.959964...), from MathNet.Numerics.</summary>
    public static double NormalQuantile { get; } = Normal.InvCDF(0, 1, 1 - ((1 - Level) / 2));

    /// <summary>The Student t 0.975 quantile with the given degrees of freedom, from MathNet.Numerics.</summary>
    /// <param name="degreesOfFreedom">Degrees of freedom (1 or more).</param>
    public static double StudentTQuantile(long degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        return StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - ((1 - Level) / 2));
    }
}
