using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Ingest;

namespace SpineMetsRegistry.Pipeline.Tests.Ingest;

/// <summary>What the schedule step takes from a batch's staged records about one patient, and how it travels between its activities.</summary>
public sealed class PatientScheduleFactsTests
{
    private const string Patient = "S01-0007";

    [Fact]
    public void ToUpdate_EnrollmentFollowUpsAndDeath_DaysFromTheBatchesIndexDate()
    {
        var facts = Collect(
            Enrollment("2025-03-01"),
            FollowUp("6w", ("vital_status", "alive"), ("visit_date", "2025-04-12")),
            FollowUp("12w", ("vital_status", "alive"), ("visit_day", "85")),
            FollowUp("26w", ("vital_status", "deceased"), ("death_date", "2025-08-01")));

        var update = facts.ToUpdate([]);

        Assert.Equal(new DateOnly(2025, 3, 1), update.IndexDate);
        Assert.Equal(new Dictionary<string, int> { ["6w"] = 42, ["12w"] = 85 }, update.VisitDays);
        Assert.Equal(153, update.DeathDay);
    }

    [Fact]
    public void ToUpdate_FollowUpsWithoutEnrollment_DatesCountFromTheStoredSchedulesIndexDate()
    {
        var facts = Collect(FollowUp("6w", ("vital_status", "alive"), ("visit_date", "2025-04-12")));

        var update = facts.ToUpdate([Stored(new DateOnly(2025, 3, 2))]);

        Assert.Null(update.IndexDate);
        Assert.Equal(new Dictionary<string, int> { ["6w"] = 41 }, update.VisitDays);
    }

    [Theory]
    [InlineData("unscheduled", "alive")]
    [InlineData("6w", "deceased")]
    [InlineData("6w", null)]
    public void Add_VisitUnscheduledDeceasedOrWithoutVitalStatus_IsNoScheduledVisit(string timePoint, string? vitalStatus)
    {
        var facts = Collect(FollowUp(timePoint, vitalStatus is null ? [("visit_day", "40")] : [("vital_status", vitalStatus), ("visit_day", "40")]));

        Assert.Empty(facts.ToUpdate([]).VisitDays);
    }

    [Fact]
    public void Add_TwoDeaths_TheFirstReportedCounts()
    {
        var facts = Collect(
            FollowUp("12w", ("vital_status", "deceased"), ("death_day", "70")),
            FollowUp("26w", ("vital_status", "deceased"), ("death_day", "75")));

        Assert.Equal(70, facts.ToUpdate([]).DeathDay);
    }

    [Fact]
    public void Add_SameTimePointTwice_TheLastDayCounts()
    {
        var facts = Collect(
            FollowUp("6w", ("vital_status", "alive"), ("visit_day", "40")),
            FollowUp("6w", ("vital_status", "alive"), ("visit_day", "44")));

        Assert.Equal(44, facts.ToUpdate([]).VisitDays["6w"]);
    }

    [Fact]
    public void JsonLine_EveryFact_RoundTripsToTheSameUpdate()
    {
        var facts = Collect(
            Enrollment("2025-03-01"),
            FollowUp("6w", ("vital_status", "alive"), ("visit_date", "2025-04-12")),
            FollowUp("12w", ("vital_status", "alive"), ("visit_day", "85")),
            FollowUp("26w", ("vital_status", "deceased"), ("death_day", "150"), ("death_date", "2025-08-01")));

        var line = facts.ToJsonLine();
        var read = PatientScheduleFacts.FromJsonLine(line);

        Assert.DoesNotContain('\n', line);
        Assert.Equal((facts.StudyId, facts.IndexDate, facts.DeathDay, facts.DeathDate), (read.StudyId, read.IndexDate, read.DeathDay, read.DeathDate));
        Assert.Equal(facts.Visits, read.Visits);
        var expected = facts.ToUpdate([]);
        var actual = read.ToUpdate([]);
        Assert.Equal((expected.IndexDate, expected.DeathDay), (actual.IndexDate, actual.DeathDay));
        Assert.Equal(expected.VisitDays, actual.VisitDays);
    }

    [Fact]
    public void FromJsonLine_Null_IsAClearError()
    {
        Assert.Equal("An empty schedule-group line.", Assert.Throws<InvalidDataException>(() => PatientScheduleFacts.FromJsonLine("null")).Message);
    }

    private static PatientScheduleFacts Collect(params StagedRecord[] records)
    {
        var facts = new PatientScheduleFacts { StudyId = Patient };
        foreach (var record in records)
        {
            facts.Add(record);
        }

        return facts;
    }

    private static StagedRecord Enrollment(string indexDate) => new()
    {
        Kind = "enrollment",
        StudyId = Patient,
        Row = 1,
        Values = new Dictionary<string, string>(StringComparer.Ordinal) { ["study_id"] = Patient },
        ScheduleIndexDate = indexDate,
    };

    private static StagedRecord FollowUp(string timePoint, params (string Field, string Value)[] values)
    {
        var fields = values.ToDictionary(v => v.Field, v => v.Value, StringComparer.Ordinal);
        fields["time_point"] = timePoint;
        return new StagedRecord { Kind = "followup", StudyId = Patient, Row = 2, Values = fields };
    }

    private static ScheduledVisit Stored(DateOnly indexDate) => new()
    {
        Site = "S01",
        StudyId = Patient,
        TimePoint = "6w",
        IndexDate = indexDate,
        TargetDay = 42,
        WindowBeforeDays = 7,
        WindowAfterDays = 14,
        UpcomingLeadDays = 7,
        ProtocolFingerprint = "test",
    };
}
