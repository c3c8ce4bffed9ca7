using SpineMetsRegistry.Domain.Committee;
using SpineMetsRegistry.Domain.Instruments.Change;
using SpineMetsRegistry.Domain.Survival;
using SpineMetsRegistry.Pipeline.Aggregates;

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
        }
    }

    [Fact]
    public void Serialize_LargeScope_SplitUnderTheEntityLimitWithoutLosingACell()
    {
        var statistics = SiteStatistics.Of(Patients(12000), Measures);

        var documents = StatisticsDocuments.Serialize(statistics);

        Assert.True(documents.Count > 1);
        Assert.All(documents, d => Assert.True(d.Length <= StatisticsDocuments.MaxCharacters + 20_000));
        Assert.Equal(statistics.Select(CellKey.Everything).Enrolled, StatisticsDocuments.Deserialize(documents).Select(CellKey.Everything).Enrolled);
    }

    private static List<PatientFacts> Patients(int count)
    {
        var random = new Random(5);
        string[] groups = ["lung", "breast", "prostate", "kidney", "other"];
        string[] treatments = ["surgery", "radiotherapy", "sbrt", "combined"];
        return Enumerable.Range(0, count).Select(_ => new PatientFacts(
            new CellKey((2015 + random.Next(10)).ToString(System.Globalization.CultureInfo.InvariantCulture), groups[random.Next(5)], treatments[random.Next(4)]),
            random.Next(4).ToString(System.Globalization.CultureInfo.InvariantCulture),
            new SurvivalObservation(random.Next(0, 600), random.Next(2) == 0),
            new Dictionary<string, decimal> { ["nrs_pain"] = random.Next(11), ["eq5d_index"] = random.Next(-100, 1000) / 1000m },
            new Dictionary<string, VisitFacts>
            {
                ["12w"] = new("alive", new Dictionary<string, decimal> { ["nrs_pain"] = random.Next(11), ["eq5d_index"] = random.Next(-100, 1000) / 1000m }),
                ["26w"] = new(random.Next(5) == 0 ? "deceased" : "alive", new Dictionary<string, decimal>()),
            })).ToList();
    }
}
