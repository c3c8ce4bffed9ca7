using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Domain.Tests.Aggregation;

public sealed class SiteAggregateAccumulatorTests
{
    private static AggregationRecord Enrollment(string id, string month, decimal? eq5d) => new(
        RecordKind.Enrollment,
        id,
        "enrollment",
        new Dictionary<string, string> { ["index_date"] = month + "-15", ["primary_tumour"] = "lung", ["eq5d_version"] = "5L", ["nrs_pain"] = "6" },
        new Dictionary<string, ScoreValue> { ["eq5d_index"] = new(eq5d, null), ["sins_total"] = new(null, "stable") });

    private static AggregationRecord Visit(string id, string timePoint, string status, decimal? eq5d, string pain) => new(
        RecordKind.FollowUp,
        id,
        timePoint,
        new Dictionary<string, string> { ["time_point"] = timePoint, ["vital_status"] = status, ["eq5d_version"] = "5L", ["nrs_pain"] = pain },
        new Dictionary<string, ScoreValue> { ["eq5d_index"] = new(eq5d, null) });

    private static readonly AggregationRecord[][] Patients =
    [
        [Enrollment("P1", "2026-01", 0.5m), Visit("P1", "6w", "alive", 0.7m, "3"), Visit("P1", "12w", "alive", 0.85m, "2")],
        [Enrollment("P2", "2026-02", null), Visit("P2", "6w", "deceased", null, "")],
        [Enrollment("P3", "2026-02", -0.25m), Visit("P3", "6w", "alive", 0.7m, "5"), Visit("P3", "26w", "lost", null, "")],
        [Visit("P4", "6w", "alive", 0.1m, "9")],
    ];

    [Fact]
    public void Tables_RecordsPatientByPatient_EqualComputeOverEnrollmentsThenVisits()
    {
        var accumulator = new SiteAggregateAccumulator();
        foreach (var record in Patients.SelectMany(p => p))
        {
            accumulator.Add(record);
        }

        var all = Patients.SelectMany(p => p).ToList();
        var expected = SiteAggregator.Compute(all.Where(r => r.Kind == RecordKind.Enrollment).Concat(all.Where(r => r.Kind == RecordKind.FollowUp)));
        Assert.Equivalent(expected, accumulator.Tables(), strict: true);
    }

    [Fact]
    public void Tables_EveryRecordOfOneCell_KeepsCountSumsMinMaxAndBins()
    {
        var accumulator = new SiteAggregateAccumulator();
        foreach (var record in Patients.SelectMany(p => p))
        {
            accumulator.Add(record);
        }

        var cell = accumulator.Tables().Single(t => t.Name == "outcomes.eq5d_index.by_timepoint").Distributions.Single(c => c.Keys[0] == "6w");
        Assert.Equal((3, 1.5m, 0.1m, 0.7m), (cell.N, cell.Sum, cell.Min, cell.Max));
        Assert.Equal(0.49m + 0.49m + 0.01m, cell.SumOfSquares);
        Assert.Equal(3, cell.Bins.Sum());
    }

    [Fact]
    public void Tables_NoRecord_TotalIsOneZeroCell()
    {
        var total = new SiteAggregateAccumulator().Tables().Single(t => t.Name == "enrollment.total");

        Assert.Equal(0, Assert.Single(total.Counts).Count);
    }
}
