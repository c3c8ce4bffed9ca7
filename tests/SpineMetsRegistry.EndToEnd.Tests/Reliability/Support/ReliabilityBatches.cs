using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Synthetic;

namespace SpineMetsRegistry.EndToEnd.Tests.Reliability.Support;

/// <summary>
/// Small generated batches (enrollments and their follow-up visits up to shortly before
/// <see cref="PipelineHost.Now"/>), each with patients of its own, so batches never touch
/// each other's records and every one is accepted in full.
/// </summary>
internal static class ReliabilityBatches
{
    /// <summary>The day the cohorts are generated as of (before every test clock).</summary>
    public static DateOnly AsOf { get; } = new(2026, 1, 10);

    /// <summary>Batch <paramref name="number"/> (1-based) of a site: <paramref name="patients"/> patients numbered after the earlier batches'.</summary>
    public static Batch For(string site, int number, int patients = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        var rows = SyntheticCohortGenerator.Generate(new SyntheticCohortOptions
        {
            SiteCode = site,
            Patients = patients,
            AsOf = AsOf,
            Seed = site.Aggregate(number, (seed, c) => unchecked((seed * 31) + c)) & 0x7fffffff,
            FirstStudyNumber = ((number - 1) * patients) + 1,
        });
        return Batch.Csv(site, $"{site.ToLowerInvariant()}-batch-{number}.csv", rows);
    }
}
