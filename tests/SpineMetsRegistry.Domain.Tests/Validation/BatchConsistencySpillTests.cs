using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>Spilling the checks across rows out of memory must not change a single finding.</summary>
public sealed class BatchConsistencySpillTests
{
    [Fact]
    public async Task Complete_SpilledAfterFiveEntries_SameProblemsAsInMemory()
    {
        var records = await ValidRecordsAsync(
        [
            SampleRows.Enrollment("S01-0001"),
            SampleRows.FollowUp("S01-0001", "6w"),
            SampleRows.FollowUp("S01-0001", "6w", "2026-02-22"), // duplicate time point
            SampleRows.Enrollment("S01-0002"),
            SampleRows.Enrollment("S01-0002"), // duplicate enrollment
            SampleRows.Enrollment("S01-0003"),
            SampleRows.FollowUp("S01-0003", "12w", "2026-01-01"), // before index (2026-01-10)
            SampleRows.FollowUp("S01-0004", "6w"), // unknown patient
            SampleRows.Enrollment("S01-0005"),
            SampleRows.Withdrawal("S01-0005"), // withdrawn with data in the batch
            SampleRows.Enrollment("S01-0006"),
            SampleRows.FollowUp("S01-0006", "6w").With(("vital_status", "deceased"), ("death_date", "2026-02-20")).Without("nrs_pain"),
            SampleRows.FollowUp("S01-0006", "12w", "2026-04-01"), // after death
        ]);
        var known = KnownPatientSnapshot.Empty;
        var spills = new List<MemoryStream>();

        using var inMemory = new BatchConsistencyChecker(known);
        using var spilling = new BatchConsistencyChecker(known, () =>
        {
            var stream = new MemoryStream();
            spills.Add(stream);
            return stream;
        }, spillThreshold: 5);
        foreach (var record in records)
        {
            inMemory.Observe(record);
            spilling.Observe(record);
        }

        var expected = inMemory.Complete().Select(Key).Order().ToList();
        var actual = spilling.Complete().Select(Key).Order().ToList();

        Assert.True(spilling.Spilled);
        Assert.False(inMemory.Spilled);
        Assert.Equal(BatchConsistencyChecker.SpillPartitions, spills.Count);
        Assert.Equal(expected, actual);
        Assert.Contains(expected, k => k.Contains(ProblemCodes.DuplicateRecord, StringComparison.Ordinal));
        Assert.Contains(expected, k => k.Contains(ProblemCodes.VisitBeforeIndex, StringComparison.Ordinal));
        Assert.Contains(expected, k => k.Contains(ProblemCodes.VisitAfterDeath, StringComparison.Ordinal));
        Assert.Contains(expected, k => k.Contains(ProblemCodes.UnknownStudyId, StringComparison.Ordinal));
        Assert.Contains(expected, k => k.Contains(ProblemCodes.WithdrawnPatient, StringComparison.Ordinal));
    }

    private static string Key(ValidationProblem problem) => $"{problem.Row}|{problem.Field}|{problem.Code}|{problem.StudyId}|{problem.Message}";

    private static async Task<List<RegistryRecord>> ValidRecordsAsync(Row[] rows)
    {
        var validator = new RecordValidator(ValidationRun.Context());
        var reader = BatchReaders.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(BatchText.Csv(rows))), BatchFormat.Csv);
        var records = new List<RegistryRecord>();
        await foreach (var raw in reader.ReadAsync())
        {
            records.Add(validator.Validate(raw).Record ?? throw new InvalidOperationException($"Row {raw.Row} is invalid on its own."));
        }

        return records;
    }
}
