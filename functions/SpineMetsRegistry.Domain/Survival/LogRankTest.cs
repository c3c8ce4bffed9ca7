using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace SpineMetsRegistry.Domain.Survival;

/// <summary>Observed and expected deaths of one group in a log-rank test.</summary>
/// <param name="Group">Group name.</param>
/// <param name="Patients">Patients in the group.</param>
/// <param name="Observed">Deaths observed.</param>
/// <param name="Expected">Deaths expected under equal hazards.</param>
public sealed record LogRankGroup(string Group, long Patients, long Observed, double Expected);

/// <summary>The result of a log-rank test across k groups.</summary>
/// <param name="Groups">Each group's observed and expected deaths.</param>
/// <param name="ChiSquare">The test statistic.</param>
/// <param name="DegreesOfFreedom">k - 1.</param>
/// <param name="PValue">Upper tail of the chi-square distribution (MathNet.Numerics).</param>
public sealed record LogRankResult(IReadOnlyList<LogRankGroup> Groups, double ChiSquare, int DegreesOfFreedom, double PValue);

/// <summary>
/// The log-rank test of equal survival across k groups (Mantel N. Cancer Chemother Rep
/// 1966;50(3):163-70; Peto R, Peto J. J R Stat Soc A 1972;135:185-207), in the form of Klein and
/// Moeschberger (Survival Analysis, 2nd ed., §7.3): at each death time tᵢ with dᵢ deaths among
/// Yᵢ at risk, group j contributes Oⱼ - Eⱼ = dᵢⱼ - dᵢYᵢⱼ/Yᵢ, with the hypergeometric covariance
/// Vⱼₗ = dᵢ (Yᵢ - dᵢ)/(Yᵢ - 1) × (Yᵢⱼ/Yᵢ)(δⱼₗ - Yᵢₗ/Yᵢ). The statistic is U'V⁻¹U over any k - 1
/// groups, chi-square with k - 1 degrees of freedom. It is what R's <c>survdiff</c> reports.
/// Computed from per-day counts per group, so a pooled test needs no record.
/// </summary>
public static class LogRankTest
{
    /// <summary>
    /// Tests the groups; null when fewer than two groups have patients, no one died, or a group
    /// had no one at risk at any death time (its variance is 0).
    /// </summary>
    /// <param name="groups">Per-day counts by group name.</param>
    public static LogRankResult? Compare(IReadOnlyDictionary<string, SurvivalCounts> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var names = groups.Where(g => g.Value.Total > 0).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        var k = names.Count;
        if (k < 2)
        {
            return null;
        }

        var counts = names.Select(n => groups[n]).ToList();
        var dayLookups = counts.Select(c => c.Days.ToDictionary(d => d.Key, d => d.Value)).ToList();
        var allDays = dayLookups.SelectMany(d => d.Keys).Distinct().Order().ToList();
        var atRisk = counts.Select(c => c.Total).ToArray();
        var observed = new long[k];
        var expected = new double[k];
        var covariance = Matrix<double>.Build.Dense(k, k);
        foreach (var day in allDays)
        {
            var today = dayLookups.Select(d => d.TryGetValue(day, out var c) ? c : default).ToArray();
            var deaths = today.Sum(c => c.Events);
            var total = atRisk.Sum();
            if (deaths > 0)
            {
                var spread = total > 1 ? deaths * (double)(total - deaths) / (total - 1) : 0;
                for (var j = 0; j < k; j++)
                {
                    var share = (double)atRisk[j] / total;
                    observed[j] += today[j].Events;
                    expected[j] += deaths * share;
                    for (var l = 0; l < k; l++)
                    {
                        covariance[j, l] += spread * share * ((j == l ? 1 : 0) - ((double)atRisk[l] / total));
                    }
                }
            }

            for (var j = 0; j < k; j++)
            {
                atRisk[j] -= today[j].Events + today[j].Censored;
            }
        }

        if (observed.Sum() == 0)
        {
            return null;
        }

        var u = Vector<double>.Build.Dense(k - 1, j => observed[j] - expected[j]);
        var v = covariance.SubMatrix(0, k - 1, 0, k - 1);
        // A group nobody in which was at risk at any death time has no variance: no test.
        if (Math.Abs(v.Determinant()) < 1e-12)
        {
            return null;
        }

        var chiSquare = u * v.Inverse() * u;
        var degrees = k - 1;
        var p = 1 - ChiSquared.CDF(degrees, chiSquare);
        return new LogRankResult(
            names.Select((n, j) => new LogRankGroup(n, counts[j].Total, observed[j], expected[j])).ToList(),
            chiSquare,
            degrees,
            p);
    }
}
