using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Synthetic;

namespace SpineMetsRegistry.Domain.Tests.Scoring;

/// <summary>Validated records of the synthetic cohort (enrollments and follow-ups, some data-entry errors), for table tests of the scorer.</summary>
internal static class GeneratedRecords
{
    private static readonly DateOnly ReceivedOn = new(2026, 11, 1);

    /// <summary>The valid records among the first <paramref name="rows"/> generated rows.</summary>
    public static async Task<List<RegistryRecord>> ValidAsync(int rows, int seed)
    {
        var generated = SyntheticCohortGenerator.Generate(new SyntheticCohortOptions
        {
            SiteCode = "S01",
            Patients = int.MaxValue,
            AsOf = ReceivedOn,
            Seed = seed,
            StudyNumberDigits = 7,
            EnrollmentMonths = 24,
            DataErrorRate = 0.05,
        }).Take(rows);
        using var text = new StringWriter();
        SyntheticBatchWriter.WriteCsv(generated, text);

        var validator = new RecordValidator(new BatchValidationContext
        {
            SiteCode = "S01",
            StudyIdPattern = BatchValidationContext.CompileStudyIdPattern("^S01-[0-9]{7}$"),
            ReceivedOn = ReceivedOn,
        });
        var records = new List<RegistryRecord>();
        var reader = BatchReaders.Open(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), BatchFormat.Csv);
        await foreach (var raw in reader.ReadAsync())
        {
            if (validator.Validate(raw).Record is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }
}
