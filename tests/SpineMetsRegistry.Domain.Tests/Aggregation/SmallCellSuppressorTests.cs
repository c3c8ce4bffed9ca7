using SpineMetsRegistry.Domain.Aggregation;

namespace SpineMetsRegistry.Domain.Tests.Aggregation;

public sealed class SmallCellSuppressorTests
{
    private static AggregateTable Counts(IReadOnlyList<string> dimensions, params (string[] Keys, int Count)[] cells) => new()
    {
        Name = "t",
        Title = "t",
        Kind = AggregateKind.Count,
        Dimensions = dimensions,
        Unit = "patients",
        Counts = cells.Select(c => new CountCell(c.Keys, c.Count)).ToList(),
    };

    [Theory]
    [InlineData(0, "0", null)]
    [InlineData(1, "<11", "primary")]
    [InlineData(10, "<11", "primary")]
    [InlineData(11, "11", null)]
    public void Publish_SingleTotal_CountsOneToTenHiddenZeroShown(int count, string display, string? suppression)
    {
        var published = SmallCellSuppressor.Publish(Counts([], ([], count)));

        var cell = Assert.Single(published.Counts);
        Assert.Equal((display, suppression), (cell.Display, cell.Suppression));
        Assert.Equal(suppression is null ? count : null, cell.Count);
    }

    [Fact]
    public void Publish_OneSmallCellInALine_NextSmallestAlsoHidden()
    {
        var published = SmallCellSuppressor.Publish(Counts(["primary"], (["breast"], 40), (["lung"], 3), (["prostate"], 25)));

        Assert.Equal(["40", "<11", "suppressed"], published.Counts.Select(c => c.Display));
        Assert.Equal([null, "primary", "complementary"], published.Counts.Select(c => c.Suppression));
    }

    [Fact]
    public void Publish_TwoSmallCellsInALine_NothingMoreHidden()
    {
        var published = SmallCellSuppressor.Publish(Counts(["primary"], (["breast"], 40), (["lung"], 3), (["rectum"], 2), (["prostate"], 25)));

        Assert.Equal(["40", "<11", "<11", "25"], published.Counts.Select(c => c.Display));
    }

    [Fact]
    public void Publish_TwoDimensions_NoLineKeepsExactlyOneHiddenCell()
    {
        var table = Counts(["month", "primary"],
            (["2026-01", "breast"], 30), (["2026-01", "lung"], 4), (["2026-01", "kidney"], 22),
            (["2026-02", "breast"], 25), (["2026-02", "lung"], 31), (["2026-02", "kidney"], 19));

        var published = SmallCellSuppressor.Publish(table);

        var hidden = published.Counts.Where(c => c.Count is null).Select(c => string.Join("/", c.Keys)).ToHashSet();
        foreach (var dimension in new[] { 0, 1 })
        {
            foreach (var line in published.Counts.GroupBy(c => c.Keys[1 - dimension]))
            {
                Assert.NotEqual(1, line.Count(c => c.Count is null));
            }
        }

        Assert.Contains("2026-01/lung", hidden);
        Assert.Equal(4, hidden.Count);
    }

    [Fact]
    public void Publish_DistributionBelowThreshold_NoStatisticAtAll()
    {
        var binning = new Binning(0, 10, 1);
        var table = new AggregateTable
        {
            Name = "d",
            Title = "d",
            Kind = AggregateKind.Distribution,
            Dimensions = ["time_point"],
            Unit = "visits",
            Binning = binning,
            Distributions =
            [
                new DistributionCell(["6w"], 5, 20, 90, 1, 7, [0, 1, 1, 1, 1, 0, 0, 1, 0, 0]),
                new DistributionCell(["12w"], 12, 60, 320, 2, 9, [0, 0, 2, 2, 2, 2, 1, 1, 1, 1]),
            ],
        };

        var published = SmallCellSuppressor.Publish(table);

        Assert.True(published.Distributions[0].Suppressed);
        Assert.Null(published.Distributions[0].Summary);
        Assert.Equal("<11", published.Distributions[0].Display);
        Assert.False(published.Distributions[1].Suppressed);
        Assert.Equal(12, published.Distributions[1].Summary!.N);
    }

    [Fact]
    public void Publish_ConfiguredThreshold_Applied()
    {
        var published = SmallCellSuppressor.Publish(Counts([], ([], 4)), threshold: 5);

        Assert.Equal("<5", published.Counts[0].Display);
        Assert.Equal(5, published.Threshold);
    }
}
