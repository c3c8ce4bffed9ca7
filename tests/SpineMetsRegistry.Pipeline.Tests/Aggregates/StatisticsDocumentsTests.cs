using SpineMetsRegistry.Domain.Committee;
using SpineMetsRegistry.Domain.Instruments.Change;
using SpineMetsRegistry.Domain.Survival;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Tests.Support;

namespace SpineMetsRegistry.Pipeline.Tests.Aggregates;

public sealed class StatisticsDocumentsTests
{
    private static readonly IReadOnlyList<OutcomeMeasure> Measures = OutcomeMeasure.Defaults(new McidSettings());

    [Fact]
    public void Deserialize_Serialized_SameCountsValuesAndSurvival()
    {
        var statistics = SiteStatistics.Of(Patients(400), Measures);

        var back = StatisticsDocuments.Deserialize(StatisticsDocuments.Serialize(statistics));

        Assert.Equal(statistics.Cells.Keys.OrderBy(k => k.ToString(), StringComparer.Ordinal), back.Cells.Keys.OrderBy(k => k.ToString(), StringComparer.Ordinal));
        foreach (var (key, cell) in statistics.Cells)
        {
            var other = back.Cells[key];
            Assert.Equal(cell.Enrolled, other.Enrolled);
            Assert.Equal(cell.Survival.Days, other.Survival.Days);
            Assert.Equal(cell.VisitsWith("26w", "alive"), other.VisitsWith("26w", "alive"));
            foreach (var m in Measures)
            {
                Assert.Equal(cell.Outcome(m.Code, "baseline").Values.Entries, other.Outcome(m.Code, "baseline").Values.Entries);
                Assert.Equal(cell.Outcome(m.Code, "12w").Changes.Entries, other.Outcome(m.Code, "12w").Changes.Entries);
                Assert.Equal(cell.Outcome(m.Code, "12w").McidReached, other.Outcome(m.Code, "12w").McidReached);
            }

            Assert.Equal(cell.Tallies.Keys.Order(StringComparer.Ordinal), other.Tallies.Keys.Order(StringComparer.Ordinal));
            Assert.All(cell.Tallies, t => Assert.Equal(t.Value.OrderBy(c => c.Key, StringComparer.Ordinal), other.Tallies[t.Key].OrderBy(c => c.Key, StringComparer.Ordinal)));
            Assert.Equal(cell.Qaly("locf"), other.Qaly("locf"));
        }

        Assert.True(statistics.Select(CellKey.Everything).Tally("saves.worst", "II") > 0, "the round trip must carry clinical tallies");
        Assert.True(statistics.Select(CellKey.Everything).Qaly("locf").N > 0, "the round trip must carry QALY sums");
    }

    [Fact]
    public void Serialize_LargeScope_SplitUnderTheEntityLimitWithoutLosingACell()
    {
        var statistics = SiteStatistics.Of(Patients(12000), Measures);

        var documents = StatisticsDocuments.Serialize(statistics).ToList();

        Assert.True(documents.Count > 1);
        Assert.All(documents, d => Assert.True(d.Length <= StatisticsDocuments.MaxCharacters + 20_000));
        Assert.Equal(statistics.Select(CellKey.Everything).Enrolled, StatisticsDocuments.Deserialize(documents).Select(CellKey.Everything).Enrolled);
    }

    [Fact]
    public async Task ReadAsync_SplitScope_SameStatisticsAsEveryDocumentAtOnceReadOneDocumentPerRequest()
    {
        var statistics = SiteStatistics.Of(Patients(12000), Measures);
        var store = new RecordingAggregateStore();
        var documents = await WriteAsync(store, "site:S01", statistics);

        var read = await StatisticsDocuments.ReadAsync(store, "site:S01");

        Assert.True(documents.Count > 1);
        Assert.Empty(store.ListedScopes);
        var everything = read.Select(CellKey.Everything);
        var expected = StatisticsDocuments.Deserialize(documents).Select(CellKey.Everything);
        Assert.Equal(expected.Enrolled, everything.Enrolled);
        Assert.Equal(expected.Survival.Days, everything.Survival.Days);
        Assert.Equal(expected.Outcome("eq5d_index", "12w").Changes.Entries, everything.Outcome("eq5d_index", "12w").Changes.Entries);
    }

    [Fact]
    public async Task ReadAsync_DocumentDeletedAfterTheListing_SkipsIt()
    {
        var statistics = SiteStatistics.Of(Patients(12000), Measures);
        var store = new RecordingAggregateStore();
        var documents = await WriteAsync(store, "site:S01", statistics);
        store.VanishAfterNextListing(StatisticsDocuments.StorageScope("site:S01"), StatisticsDocuments.Name(documents.Count - 1));

        var read = await StatisticsDocuments.ReadAsync(store, "site:S01");

        Assert.Equal(StatisticsDocuments.Deserialize(documents.SkipLast(1)).Select(CellKey.Everything).Enrolled, read.Select(CellKey.Everything).Enrolled);
    }

    [Fact]
    public async Task ReadAsync_NoDocument_Empty()
    {
        var read = await StatisticsDocuments.ReadAsync(new RecordingAggregateStore(), "site:S01");

        Assert.Empty(read.Cells);
    }

    private static async Task<List<string>> WriteAsync(RecordingAggregateStore store, string scope, SiteStatistics statistics)
    {
        var documents = StatisticsDocuments.Serialize(statistics).ToList();
        await store.WriteAsync(documents
            .Select((json, i) => new AggregateDocument(StatisticsDocuments.StorageScope(scope), StatisticsDocuments.Name(i), json, 0, DateTimeOffset.UnixEpoch, "b"))
            .ToList());
        return documents;
    }

    private static List<PatientFacts> Patients(int count)
    {
        var random = new Random(5);
        string[] groups = ["lung", "breast", "prostate", "kidney", "other"];
        string[] treatments = ["surgery", "radiotherapy", "sbrt", "combined"];
        string[] grades = ["none", "I", "II", "III", "IV"];
        return Enumerable.Range(0, count).Select(_ => new PatientFacts(
            new CellKey((2015 + random.Next(10)).ToString(System.Globalization.CultureInfo.InvariantCulture), groups[random.Next(5)], treatments[random.Next(4)]),
            random.Next(4).ToString(System.Globalization.CultureInfo.InvariantCulture),
            new SurvivalObservation(random.Next(0, 600), random.Next(2) == 0),
            new Dictionary<string, decimal> { ["nrs_pain"] = random.Next(11), ["eq5d_index"] = random.Next(-100, 1000) / 1000m },
            new Dictionary<string, VisitFacts>
            {
                ["12w"] = new("alive", new Dictionary<string, decimal> { ["nrs_pain"] = random.Next(11), ["eq5d_index"] = random.Next(-100, 1000) / 1000m }),
                ["26w"] = new(random.Next(5) == 0 ? "deceased" : "alive", new Dictionary<string, decimal>()),
            })
        {
            Clinical = new ClinicalFacts(
                new Dictionary<string, string> { ["saves.worst"] = grades[random.Next(5)], ["qaly.locf"] = "with_qaly" },
                new Dictionary<string, decimal> { ["locf"] = random.Next(0, 1000) / 1000m }),
        }).ToList();
    }
}
