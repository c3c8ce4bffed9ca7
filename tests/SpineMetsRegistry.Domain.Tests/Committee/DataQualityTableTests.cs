using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Domain.Committee;
using SpineMetsRegistry.Domain.Outcomes;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Statistics;

namespace SpineMetsRegistry.Domain.Tests.Committee;

public sealed class DataQualityTableTests
{
    private const int Threshold = 11;

    [Fact]
    public void AddRecords_EnrollmentWithoutSinsScore_CountsItMissingOverEnrollments()
    {
        var records = new[]
        {
            Record(RecordKind.Enrollment, ("index_date", "2024-01-01"), ("sins_total", "9")),
            Record(RecordKind.Enrollment, ("index_date", "2024-01-02")),
            Record(RecordKind.FollowUp, ("vital_status", "deceased")),
            Record(RecordKind.FollowUp, ("vital_status", "alive"), ("nrs_pain", "3")),
        };

        var counts = DataQualityFields.AddRecords(DataQualityCounts.Empty, records);

        Assert.Equal(new ProportionCounts(1, 2), counts.Missing["enrollment.sins_total"]);
        Assert.Equal(new ProportionCounts(0, 2), counts.Missing["enrollment.index_date"]);
        // PROs are expected at living patients' visits only; vital status at every visit.
        Assert.Equal(new ProportionCounts(0, 1), counts.Missing["followup.nrs_pain"]);
        Assert.Equal(new ProportionCounts(1, 1), counts.Missing["followup.eq5d_index"]);
        Assert.Equal(new ProportionCounts(0, 2), counts.Missing["followup.vital_status"]);
    }

    [Fact]
    public void Publish_SafeRates_WilsonRatesForEachSiteAndTheNetwork()
    {
        var table = DataQualityTable.Publish(Sites(("S01", 20, 100), ("S02", 30, 60)), null, Threshold);

        var s01 = Row(table, "S01", "enrollment.sins_total");
        var expected = ProportionEstimate.Wilson(20, 100)!;
        Assert.Equal(Math.Round(expected.Proportion, 4), s01[3]);
        Assert.Equal(Math.Round(expected.Interval.Lower, 4), s01[4]);
        Assert.Equal(Math.Round(50.0 / 160, 4), Row(table, "network", "enrollment.sins_total")[3]);
    }

    [Theory]
    [InlineData(5, 100)]
    [InlineData(95, 100)]
    public void Publish_SmallNumeratorOrComplement_SuppressedAndTheNetworkToo(int missing, int total)
    {
        var table = DataQualityTable.Publish(Sites(("S01", missing, total), ("S02", 30, 60)), null, Threshold);

        Assert.Equal("suppressed", Row(table, "S01", "enrollment.sins_total")[3]);
        Assert.Null(Row(table, "S01", "enrollment.sins_total")[4]);
        // Network minus S02 would give S01's count back.
        Assert.Equal("suppressed", Row(table, "network", "enrollment.sins_total")[3]);
        Assert.IsType<double>(Row(table, "S02", "enrollment.sins_total")[3]);
    }

    [Fact]
    public void Publish_SitePage_OnlyTheSiteAndTheNetwork()
    {
        var table = DataQualityTable.Publish(Sites(("S01", 20, 100), ("S02", 30, 60)), "S02", Threshold);

        Assert.Equal(["own", "network"], table.Rows.Select(r => (string)r[0]!).Distinct());
    }

    [Fact]
    public void Publish_BatchesAndTimes_RejectionRateAndExactMedian()
    {
        var counts = DataQualityCounts.Empty;
        for (var i = 0; i < 30; i++)
        {
            counts = counts.AddBatch(rejected: i < 12, processingTime: i < 12 ? null : TimeSpan.FromSeconds(10 + i));
        }

        var table = DataQualityTable.Publish(new Dictionary<string, DataQualityCounts> { ["S01"] = counts }, null, Threshold);

        Assert.Equal(Math.Round(12 / 30.0, 4), table.Rows.Single(r => (string)r[0]! == "S01" && (string)r[1]! == "batch_rejection")[3]);
        // Times 22..39 s: the median of 18 values is (30 + 31) / 2.
        Assert.Equal(30.5m, table.Rows.Single(r => (string)r[0]! == "S01" && (string)r[1]! == "processing_time")[6]);
    }

    private static IReadOnlyList<object?> Row(StatisticsTable table, string site, string item) =>
        table.Rows.Single(r => (string)r[0]! == site && (string)r[2]! == item);

    private static Dictionary<string, DataQualityCounts> Sites(params (string Site, int Missing, int Total)[] sites) =>
        sites.ToDictionary(
            s => s.Site,
            s => Enumerable.Range(0, s.Total).Aggregate(DataQualityCounts.Empty, (c, i) => c.AddFieldValue("enrollment.sins_total", missing: i < s.Missing)),
            StringComparer.Ordinal);

    private static AggregationRecord Record(RecordKind kind, params (string Field, string Value)[] values) => new(
        kind, "P-1", Guid.NewGuid().ToString(), values.ToDictionary(v => v.Field, v => v.Value, StringComparer.Ordinal), new Dictionary<string, ScoreValue>(StringComparer.Ordinal));
}
