using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Domain.Committee;
using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Domain.Tests.Committee;

public sealed class ClinicalFactsTests
{
    private static readonly IReadOnlyList<OutcomeMeasure> Measures = CohortFactory.Measures;

    [Fact]
    public void FromRecords_FullFirstYear_ClassifiesNeurologyAmbulationAndWorstSaves()
    {
        var facts = Single(
            Enrollment(("asia_grade", "B"), ("frankel_grade", "C"), ("ambulatory_status", "assisted"), ("eq5d_index", "0.5")),
            Visit("6w", 42, "alive", ("asia_grade", "D"), ("frankel_grade", "C"), ("ambulatory_status", "independent"), ("saves_grade", "I"), ("eq5d_index", "0.6")),
            Visit("12w", 84, "alive", ("saves_grade", "III"), ("eq5d_index", "0.7")),
            Visit("26w", 182, "alive", ("saves_grade", "none"), ("ambulatory_status", "non_ambulatory"), ("eq5d_index", "0.8")),
            Visit("52w", 364, "alive", ("eq5d_index", "0.8")));

        var categories = facts.Clinical.Categories;
        Assert.Equal("improved", categories["neuro.asia"]);
        Assert.Equal("unchanged", categories["neuro.frankel"]);
        Assert.Equal("assisted", categories["ambulatory.baseline"]);
        Assert.Equal("independent", categories["ambulatory.6w"]);
        Assert.False(categories.ContainsKey("ambulatory.12w"));
        Assert.Equal("non_ambulatory", categories["ambulatory.26w"]);
        Assert.Equal("III", categories["saves.worst"]);
    }

    [Fact]
    public void FromRecords_FullFirstYear_QalyIsTheTrapezoidAreaOverTheYear()
    {
        var facts = Single(
            Enrollment(("eq5d_index", "0.5")),
            Visit("6w", 42, "alive", ("eq5d_index", "0.6")),
            Visit("12w", 84, "alive", ("eq5d_index", "0.7")),
            Visit("26w", 182, "alive", ("eq5d_index", "0.8")),
            Visit("52w", 364, "alive", ("eq5d_index", "0.8")));

        // By hand: 42×(0.5+0.6)/2 + 42×(0.6+0.7)/2 + 98×(0.7+0.8)/2 + 182×0.8 + 1×0.8 = 270.3 utility-days.
        Assert.Equal(270.3m / 365m, facts.Clinical.Qalys["complete_case"]);
        Assert.Equal(270.3m / 365m, facts.Clinical.Qalys["locf"]);
        Assert.Equal("with_qaly", facts.Clinical.Categories["qaly.complete_case"]);
    }

    [Fact]
    public void FromRecords_MissedVisit_CompleteCaseExcludesAndLocfCarriesForward()
    {
        var facts = Single(
            Enrollment(("eq5d_index", "0.5")),
            Visit("6w", 42, "alive", ("eq5d_index", "0.6")),
            Visit("12w", 84, "alive", ("eq5d_index", "0.7")),
            Visit("52w", 364, "alive", ("eq5d_index", "0.8")));

        Assert.Equal("missing_visit", facts.Clinical.Categories["qaly.complete_case"]);
        Assert.False(facts.Clinical.Qalys.ContainsKey("complete_case"));
        // The 26-week index is carried from 12 weeks: 23.1 + 27.3 + 98×0.7 + 182×(0.7+0.8)/2 + 0.8 = 256.3.
        Assert.Equal(256.3m / 365m, facts.Clinical.Qalys["locf"]);
    }

    [Fact]
    public void FromRecords_DeathAtDay60_UtilityFallsToZeroAtDeath()
    {
        var facts = Single(
            Enrollment(("eq5d_index", "0.5")),
            Visit("6w", 42, "alive", ("eq5d_index", "0.6")),
            Visit("12w", null, "deceased", ("death_day", "60")));

        // 42×(0.5+0.6)/2 + 18×0.6/2 = 28.5; the 12-week visit fell after death, so it was never due.
        Assert.Equal(28.5m / 365m, facts.Clinical.Qalys["complete_case"]);
    }

    [Fact]
    public void FromRecords_AliveButFollowedLessThanTheYear_HasNoQaly()
    {
        var facts = Single(
            Enrollment(("eq5d_index", "0.5")),
            Visit("6w", 42, "alive", ("eq5d_index", "0.6")));

        Assert.Equal("incomplete_follow_up", facts.Clinical.Categories["qaly.locf"]);
        Assert.Empty(facts.Clinical.Qalys);
    }

    [Fact]
    public void FromRecords_NeurologyAtADeadPatientsVisit_IsNotClassified()
    {
        var facts = Single(
            Enrollment(("asia_grade", "D"), ("ambulatory_status", "independent")),
            Visit("6w", 30, "deceased", ("asia_grade", "A"), ("death_day", "30")));

        Assert.False(facts.Clinical.Categories.ContainsKey("neuro.asia"));
        Assert.False(facts.Clinical.Categories.ContainsKey("ambulatory.6w"));
        Assert.Equal("missing_baseline", facts.Clinical.Categories["qaly.complete_case"]);
    }

    [Fact]
    public void StatisticsCell_Of_CountsEachCategoryOnceAndMergesByAddition()
    {
        var one = Single(Enrollment(("ambulatory_status", "assisted"), ("eq5d_index", "0.5")), Visit("52w", 364, "alive", ("eq5d_index", "0.5")));
        var cell = StatisticsCell.Of(one, Measures);
        var merged = cell.Merge(cell);

        Assert.Equal(2, merged.Tally("ambulatory.baseline", "assisted"));
        Assert.Equal(0, merged.Tally("ambulatory.baseline", "independent"));
        Assert.Equal(2, merged.Qaly("locf").N);
        Assert.Equal(2 * one.Clinical.Qalys["locf"], merged.Qaly("locf").Sum);
    }

    private static PatientFacts Single(params AggregationRecord[] records) =>
        Assert.Single(PatientFacts.FromRecords(records, Measures));

    private static AggregationRecord Enrollment(params (string Field, string Value)[] values) =>
        Record(RecordKind.Enrollment, [("index_date", "2024-01-01"), ("primary_tumour", "lung"), ("index_treatment", "surgery"), .. values]);

    private static AggregationRecord Visit(string timePoint, int? day, string status, params (string Field, string Value)[] values) =>
        Record(RecordKind.FollowUp, [("time_point", timePoint), ("vital_status", status), .. day is { } d ? new[] { ("visit_day", d.ToString(System.Globalization.CultureInfo.InvariantCulture)) } : [], .. values]);

    private static AggregationRecord Record(RecordKind kind, (string Field, string Value)[] values) => new(
        kind,
        "P-0001",
        kind + string.Join(",", values.Select(v => v.Value)),
        values.ToDictionary(v => v.Field, v => v.Value, StringComparer.Ordinal),
        new Dictionary<string, ScoreValue>(StringComparer.Ordinal));
}
