using System.Globalization;
using SpineMetsRegistry.Pipeline.Ingest;

namespace SpineMetsRegistry.Pipeline.Tests.Ingest;

/// <summary>
/// The schedule plan's patients in study-ID order with bounded memory: whatever the number of
/// patients held before a run is written, the result is what one pass in memory gives.
/// </summary>
public sealed class PatientScheduleFactsSorterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(50)]
    public void InStudyIdOrder_RunsEveryFewPatients_ExactlyWhatOnePassInMemoryGives(int patientsInMemory)
    {
        var records = GeneratedRecords(patients: 60, seed: 11);

        var (inMemory, inMemoryRuns) = Sort(records, int.MaxValue);
        var (withRuns, runs) = Sort(records, patientsInMemory);

        Assert.Equal(0, inMemoryRuns);
        Assert.True(runs > 1, $"{runs} run(s) written with {patientsInMemory} patient(s) in memory");
        Assert.Equal(inMemory, withRuns);
        Assert.Equal(60, withRuns.Count);
    }

    [Fact]
    public void InStudyIdOrder_MixedCase_OrdinalOrderAsTheSchedulesRowKeys()
    {
        var records = new[] { "S01-b", "S01-B", "S01-a", "S01-10", "S01-9" }.Select(id => FollowUp(id, "6w", ("vital_status", "alive"), ("visit_day", "40"))).ToList();

        var (sorted, _) = Sort(records, 2);

        Assert.Equal(["S01-10", "S01-9", "S01-B", "S01-a", "S01-b"], sorted.Select(line => PatientScheduleFacts.FromJsonLine(line).StudyId));
    }

    [Fact]
    public void Add_Withdrawal_IsNoPatientToSchedule()
    {
        var (sorted, _) = Sort([Withdrawal("S01-0001"), Enrollment("S01-0002", "2025-03-01")], int.MaxValue);

        Assert.Equal("S01-0002", PatientScheduleFacts.FromJsonLine(Assert.Single(sorted)).StudyId);
    }

    [Fact]
    public void Append_FactsOfAnySplitOfAPatientsRecords_EqualOnePass()
    {
        StagedRecord[] records =
        [
            FollowUp("S01-0001", "6w", ("vital_status", "deceased"), ("death_date", "2025-05-01")),
            Enrollment("S01-0001", "2025-03-01"),
            FollowUp("S01-0001", "6w", ("vital_status", "alive"), ("visit_day", "40")),
            FollowUp("S01-0001", "12w", ("vital_status", "deceased"), ("death_day", "70")),
            Enrollment("S01-0001", "2025-03-04"),
            FollowUp("S01-0001", "6w", ("vital_status", "alive"), ("visit_date", "2025-04-20")),
        ];
        var onePass = Collect(records).ToJsonLine();

        for (var split = 0; split <= records.Length; split++)
        {
            var earlier = Collect(records[..split]);
            earlier.Append(Collect(records[split..]));
            Assert.Equal(onePass, earlier.ToJsonLine());
        }
    }

    [Fact]
    public void Append_AnotherPatient_IsRefused()
    {
        var facts = new PatientScheduleFacts { StudyId = "S01-0001" };

        var error = Assert.Throws<ArgumentException>(() => facts.Append(new PatientScheduleFacts { StudyId = "S01-0002" }));

        Assert.StartsWith("Only the same patient's facts combine.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_AfterThePatientsWereRead_IsRefused()
    {
        using var sorter = new PatientScheduleFactsSorter(() => new MemoryStream());
        sorter.Add(Enrollment("S01-0001", "2025-03-01"));
        _ = sorter.InStudyIdOrder().ToList();

        Assert.Throws<InvalidOperationException>(() => sorter.Add(Enrollment("S01-0002", "2025-03-01")));
    }

    [Fact]
    public void Dispose_AfterRuns_ClosesEveryRun()
    {
        var streams = new List<MemoryStream>();
        var sorter = new PatientScheduleFactsSorter(() => { var stream = new MemoryStream(); streams.Add(stream); return stream; }, patientsInMemory: 2);
        foreach (var record in GeneratedRecords(patients: 9, seed: 3))
        {
            sorter.Add(record);
        }

        sorter.Dispose();

        Assert.True(streams.Count >= 4, $"{streams.Count} runs");
        Assert.All(streams, stream => Assert.False(stream.CanRead));
    }

    private static (List<string> Lines, int Runs) Sort(IEnumerable<StagedRecord> records, int patientsInMemory)
    {
        using var sorter = new PatientScheduleFactsSorter(() => new MemoryStream(), patientsInMemory);
        foreach (var record in records)
        {
            sorter.Add(record);
        }

        var lines = sorter.InStudyIdOrder().Select(p => p.ToJsonLine()).ToList();
        return (lines, sorter.Runs);
    }

    private static PatientScheduleFacts Collect(IEnumerable<StagedRecord> records)
    {
        var facts = new PatientScheduleFacts { StudyId = "S01-0001" };
        foreach (var record in records)
        {
            facts.Add(record);
        }

        return facts;
    }

    /// <summary>
    /// Each patient's records scattered through the batch: enrollments (some repeated with another
    /// index date), follow-ups by day and by date (some time points repeated), deaths by day, by
    /// date or both (some reported twice), and withdrawals.
    /// </summary>
    private static List<StagedRecord> GeneratedRecords(int patients, int seed)
    {
        var random = new Random(seed);
        var records = new List<StagedRecord>();
        string[] timePoints = ["6w", "12w", "26w", "52w", "unscheduled"];
        for (var patient = 1; patient <= patients; patient++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"S01-{random.Next(1, 100_000):D5}-{patient}");
            var index = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 300));
            records.Add(Enrollment(id, index.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            if (random.Next(5) == 0)
            {
                records.Add(Enrollment(id, index.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }

            for (var visit = random.Next(0, 6); visit > 0; visit--)
            {
                var timePoint = timePoints[random.Next(timePoints.Length)];
                var day = random.Next(30, 400);
                records.Add(random.Next(4) switch
                {
                    0 => FollowUp(id, timePoint, ("vital_status", "deceased"), ("death_day", day.ToString(CultureInfo.InvariantCulture))),
                    1 => FollowUp(id, timePoint, ("vital_status", "deceased"), ("death_date", index.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
                    2 => FollowUp(id, timePoint, ("vital_status", "alive"), ("visit_date", index.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
                    _ => FollowUp(id, timePoint, ("vital_status", "alive"), ("visit_day", day.ToString(CultureInfo.InvariantCulture))),
                });
            }

            if (random.Next(10) == 0)
            {
                records.Add(Withdrawal(id));
            }
        }

        // Scatter the records but keep each patient's own records in their order, as a batch may.
        var order = records.Select((record, position) => (record, position, key: random.Next())).ToList();
        var byPatient = order.GroupBy(o => o.record.StudyId).ToDictionary(g => g.Key, g => new Queue<StagedRecord>(g.OrderBy(o => o.position).Select(o => o.record)));
        return order.OrderBy(o => o.key).Select(o => byPatient[o.record.StudyId].Dequeue()).ToList();
    }

    private static StagedRecord Enrollment(string studyId, string indexDate) => new()
    {
        Kind = "enrollment",
        StudyId = studyId,
        Row = 1,
        Values = new Dictionary<string, string>(StringComparer.Ordinal) { ["study_id"] = studyId },
        ScheduleIndexDate = indexDate,
    };

    private static StagedRecord Withdrawal(string studyId) => new()
    {
        Kind = "withdrawal",
        StudyId = studyId,
        Row = 3,
        Values = new Dictionary<string, string>(StringComparer.Ordinal) { ["study_id"] = studyId },
    };

    private static StagedRecord FollowUp(string studyId, string timePoint, params (string Field, string Value)[] values)
    {
        var fields = values.ToDictionary(v => v.Field, v => v.Value, StringComparer.Ordinal);
        fields["time_point"] = timePoint;
        return new StagedRecord { Kind = "followup", StudyId = studyId, Row = 2, Values = fields };
    }
}
