using System.Text.Json;
using SpineMetsRegistry.Domain.Committee;

namespace SpineMetsRegistry.Domain.Tests.Committee;

/// <summary>
/// One table at a time: the API asks for a single table of a filter, and the publisher computes
/// only the tables computed with it and keeps them for the stored version.
/// </summary>
public sealed class CommitteePublisherTableTests
{
    private const int Threshold = 11;

    private static readonly List<PatientFacts> SiteA = CohortFactory.Patients(seed: 21, count: 500);
    private static readonly List<PatientFacts> SiteB = CohortFactory.Patients(seed: 22, count: 400);
    private static readonly SiteStatistics Own = SiteStatistics.Of(SiteA, CohortFactory.Measures);
    private static readonly SiteStatistics Network = Own.Merge(SiteStatistics.Of(SiteB, CohortFactory.Measures));

    public static TheoryData<string?> TimePoints => new(null, "26w");

    [Theory]
    [MemberData(nameof(TimePoints))]
    public void PublishTable_EveryTableAndFilter_EqualsTheTableOfTheWholeAnswer(string? timePoint)
    {
        // Two publishers of the same statistics, so that neither answer is read from what the
        // other kept: one table at a time on one, every table at once on the other.
        var oneByOne = new CommitteePublisher(CohortFactory.Measures, Network, Own, Threshold, ownSite: "S01");
        var whole = new CommitteePublisher(CohortFactory.Measures, Network, Own, Threshold, ownSite: "S01");

        foreach (var filter in oneByOne.Filters.Where((_, i) => i % 7 == 0))
        {
            var tables = CommitteePublisher.TableNames.Select(name => oneByOne.PublishTable(filter, timePoint, name)!).ToList();
            var expected = whole.Publish("site:S01", filter, timePoint)!.Tables;

            Assert.Equal(expected.Select(t => t.Name), tables.Select(t => t.Name));
            Assert.Equal(expected.Select(Json), tables.Select(Json));
        }
    }

    [Fact]
    public void PublishTable_AskedAgain_ServedFromTheFirstAnswer()
    {
        var publisher = new CommitteePublisher(CohortFactory.Measures, Network, null, Threshold);
        var filter = publisher.Filters[1];

        var first = publisher.PublishTable(filter, null, "survival.curves");

        Assert.Same(first, publisher.PublishTable(filter, null, "survival.curves"));
        Assert.Same(first, publisher.Publish("pooled", filter)!.Tables.Single(t => t.Name == "survival.curves"));
        Assert.NotSame(publisher.PublishTable(filter, null, "outcomes.summary"), publisher.PublishTable(filter, "26w", "outcomes.summary"));
    }

    [Fact]
    public void PublishTable_UnknownFilterValueOrTable_Null()
    {
        var publisher = new CommitteePublisher(CohortFactory.Measures, Network, null, Threshold);

        Assert.False(publisher.Answers(CellKey.Everything with { PrimaryGroup = "no-such-group" }));
        Assert.Null(publisher.PublishTable(CellKey.Everything with { PrimaryGroup = "no-such-group" }, null, "enrollment.summary"));
        Assert.Null(publisher.PublishTable(CellKey.Everything, null, "no.such.table"));
        Assert.True(publisher.Answers(CellKey.Everything));
    }

    private static string Json(StatisticsTable table) => JsonSerializer.Serialize(table);
}
