using System.Text;
using SpineMetsRegistry.Synthetic;

namespace SpineMetsRegistry.Benchmarks.Support;

/// <summary>
/// Realistic generated CSV batches held in memory: the synthetic cohort (enrollments and
/// follow-ups, about 4.5 rows per patient) with 1 % of rows carrying a data-entry error, as
/// <c>validation-memory</c> generates them.
/// </summary>
internal static class GeneratedBatch
{
    /// <summary>The day the generated batches are received (every visit lies before it).</summary>
    public static readonly DateOnly ReceivedOn = new(2026, 11, 1);

    /// <summary>The study ID pattern of generated sites (seven-digit study numbers).</summary>
    public static string StudyIdPattern(string site) => "^" + site + "-[0-9]{7}$";

    /// <summary>The CSV bytes of <paramref name="rows"/> rows of site <paramref name="site"/>.</summary>
    public static byte[] Csv(int rows, string site = "S01", int seed = 42, int firstStudyNumber = 1, double errorRate = 0.01)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            SyntheticBatchWriter.WriteCsv(Rows(rows, site, seed, firstStudyNumber, errorRate), writer);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Writes the CSV of <paramref name="rows"/> rows of site S01 (seed 42, 1 % errors) to
    /// <paramref name="path"/>: the batch the memory benchmarks upload, and whose stored form
    /// <c>StoredRecordFile</c> writes.
    /// </summary>
    public static void WriteCsvFile(string path, int rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        SyntheticBatchWriter.WriteCsv(Rows(rows, "S01", 42, 1, 0.01), writer);
    }

    /// <summary>The generated rows themselves (for writers other than the CSV one).</summary>
    public static IEnumerable<SyntheticRow> Rows(int rows, string site, int seed, int firstStudyNumber, double errorRate) =>
        SyntheticCohortGenerator.Generate(new SyntheticCohortOptions
        {
            SiteCode = site,
            Patients = int.MaxValue,
            AsOf = ReceivedOn,
            Seed = seed,
            FirstStudyNumber = firstStudyNumber,
            StudyNumberDigits = 7,
            EnrollmentMonths = 24,
            DataErrorRate = errorRate,
        }).Take(rows);
}
