using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Tests.Survival;

public sealed class SurvivalCountsBuilderTests
{
    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 30));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ToSurvivalCounts_PatientsInAnyOrder_DeathsAndCensoringsPerDayAndNumberAtRisk(int seed)
    {
        var random = new Random(seed);
        var patients = Enumerable.Range(0, random.Next(1, 3000))
            .Select(_ => new SurvivalObservation(random.Next(0, 900), random.Next(3) == 0))
            .ToList();
        var builder = new SurvivalCountsBuilder();

        foreach (var patient in patients)
        {
            builder.Add(patient);
        }

        var counts = builder.ToSurvivalCounts();
        var expected = patients.GroupBy(p => p.Time).OrderBy(g => g.Key)
            .Select(g => (g.Key, new DayCounts(g.LongCount(p => p.IsEvent), g.LongCount(p => !p.IsEvent))))
            .ToList();
        Assert.Equal(expected, counts.Days.Select(d => (d.Key, d.Value)).ToList());
        Assert.Equal(patients.Count, counts.Total);
        foreach (var day in new[] { 0m, 1m, 90m, 365m, 899m, 900m })
        {
            Assert.Equal(patients.Count(p => p.Time >= day), counts.AtRisk(day));
        }
    }

    [Fact]
    public void Add_AfterToSurvivalCounts_EarlierCountsUnchanged()
    {
        var builder = new SurvivalCountsBuilder();
        builder.Add(new SurvivalObservation(30, true));
        var first = builder.ToSurvivalCounts();

        builder.Add(new SurvivalObservation(30, false));
        builder.Add(new SurvivalObservation(60, true));

        Assert.Equal([(30m, new DayCounts(1, 0))], first.Days.Select(d => (d.Key, d.Value)));
        Assert.Equal(1, first.Total);
        Assert.Equal([(30m, new DayCounts(1, 1)), (60m, new DayCounts(1, 0))], builder.ToSurvivalCounts().Days.Select(d => (d.Key, d.Value)));
    }

    [Fact]
    public void ToSurvivalCounts_SameDayWithDifferentScales_OneDayAsFirstWritten()
    {
        var builder = new SurvivalCountsBuilder();

        builder.Add(new SurvivalObservation(30.0m, true));
        builder.Add(new SurvivalObservation(30m, false));
        builder.Add(new SurvivalObservation(30.00m, true));

        var day = Assert.Single(builder.ToSurvivalCounts().Days);
        Assert.Equal("30.0", day.Key.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DayCounts(2, 1), day.Value);
    }

    [Fact]
    public void Add_NegativeDay_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SurvivalCountsBuilder().Add(-1m, new DayCounts(1, 0)));
    }
}
