using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.Domain.Tests.Aggregation;

/// <summary>The one publishing step: tables suppressed, rates only where their counts are published.</summary>
public sealed class DisclosureControlTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    [Fact]
    public void Publish_Table_SuppressedAtTheConfiguredThreshold()
    {
        var table = new AggregateTable
        {
            Name = "enrollment.by_site",
            Title = "t",
            Kind = AggregateKind.Count,
            Dimensions = ["site"],
            Unit = "patients",
            Counts = [new CountCell(["S01"], 4), new CountCell(["S02"], 30), new CountCell(["S03"], 7), new CountCell(["S04"], 2)],
        };

        var published = new DisclosureControl(5).Publish(table);

        Assert.Equal(5, published.Threshold);
        Assert.Equal(["<5", "30", "7", "<5"], published.Counts.Select(c => c.Display));
        Assert.Equal(SmallCellSuppressor.Publish(table, 5).Counts.Select(c => c.Display), published.Counts.Select(c => c.Display));
    }

    [Fact]
    public void Constructor_ThresholdBelowOne_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DisclosureControl(0));
    }

    // Case table: site time points (within, outside, missed) -> what the committee sees.
    // Threshold 11, compliance threshold 0.8.
    public static TheoryData<string, int, int, int, double?, string, bool> ComplianceCases => new()
    {
        // published rate below the threshold: listed
        { "large, poor", 12, 0, 12, 0.5, "24", true },
        // published rate above: in no list
        { "large, good", 50, 0, 11, 0.82, "61", false },
        // a small missed count hides the within-window count beside it (complementary): withheld
        { "small missed count", 30, 0, 2, null, "32", false },
        // too few closed visits: rate withheld, not listed although 1/3 is below
        { "small, poor", 1, 0, 2, null, "<11", false },
        // total publishable (12) but the within-window count (1) suppressed: 1/12 with 12 would reveal it
        { "within suppressed", 1, 0, 11, null, "12", false },
    };

    [Theory]
    [MemberData(nameof(ComplianceCases))]
    public void PublishCompliance_SiteTimePoint_RateAndListingOnlyWhenCountsArePublished(string name, int within, int outside, int missed, double? rate, string closed, bool listed)
    {
        IReadOnlyList<SiteCompliance> compliance = [new("S01", "6w", 40, 0, 0), new("S02", "6w", within, outside, missed)];

        var published = new DisclosureControl(11).PublishCompliance(compliance, 0.8, Day);

        var point = published.Rates.Single(r => r.Site == "S02");
        Assert.Equal(("6w", rate, closed), (point.TimePoint, point.Compliance, point.ClosedVisits));
        var entry = published.SitesBelowThreshold.SingleOrDefault(s => s.Site == "S02");
        Assert.True(listed == (entry is not null), name);
        if (entry is not null)
        {
            Assert.Equal([point], entry.TimePoints);
        }
    }

    [Fact]
    public void PublishCompliance_SmallSitePoorCompliance_NotListedAsBelowThreshold()
    {
        // The committee digest's defect: a site whose compliance cannot be shown was listed as
        // "below threshold", which discloses that its suppressed within-window count is low.
        IReadOnlyList<SiteCompliance> compliance = [new("S01", "6w", 12, 0, 0), new("S02", "6w", 1, 0, 2)];

        var published = new DisclosureControl(11).PublishCompliance(compliance, 0.8, Day);

        Assert.Empty(published.SitesBelowThreshold);
        Assert.Equal(2, published.RatesWithheld); // S01's 12 within sits in a line with S02's hidden 1: complementary
    }

    [Fact]
    public void PublishCompliance_Table_IsTheSuppressedComplianceCountTable()
    {
        IReadOnlyList<SiteCompliance> compliance = [new("S01", "6w", 12, 0, 0), new("S02", "6w", 1, 0, 2)];

        var published = new DisclosureControl(11).PublishCompliance(compliance, 0.8, Day);

        Assert.Equal(FollowUpCompliance.TableName, published.Table.Name);
        var cells = published.Table.Counts.ToDictionary(c => string.Join('/', c.Keys), c => c.Display);
        Assert.Equal("<11", cells["S02/6w/within_window"]);
        Assert.Equal("<11", cells["S02/6w/missed"]);
        // 12 is hidden only so S02's small cells cannot be worked back from the totals: marked
        // suppressed, without claiming it is below the threshold.
        Assert.Equal("suppressed", cells["S01/6w/within_window"]);
        Assert.Equal("0", cells["S01/6w/missed"]);
    }

    [Fact]
    public void PublishCompliance_ThresholdOne_EveryRatePublished()
    {
        IReadOnlyList<SiteCompliance> compliance = [new("S01", "6w", 12, 0, 0), new("S02", "6w", 1, 0, 2)];

        var published = new DisclosureControl(1).PublishCompliance(compliance, 0.8, Day);

        var point = Assert.Single(Assert.Single(published.SitesBelowThreshold).TimePoints);
        Assert.Equal(("S02", 0.33, "3"), (point.Site, point.Compliance, point.ClosedVisits));
        Assert.Equal(0, published.RatesWithheld);
    }
}
