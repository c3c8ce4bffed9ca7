using System.Globalization;
using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Deidentification;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Tests.Validation.Reference;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Synthetic;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>
/// The record validator against its reference (<see cref="ReferenceRecordValidator"/>, the
/// validator as it was before its typing, requirement and gate loops were compiled per field),
/// row by row over generated cohorts and their mutations: wrong types, out-of-range and
/// off-step numbers, codes in other spellings, missing required cells, fields on the wrong
/// record type, control characters, exact ages, identifiers planted in free text, typed cells
/// and an unknown column, and a header in another column order. Every problem (row, field,
/// code, severity, message, study ID, masked value) and every typed value must be the same.
/// </summary>
public sealed class RecordValidatorDifferentialTests
{
    private const string Site = "S01";
    private static readonly DateOnly ReceivedOn = new(2026, 11, 1);

    private static readonly string[] Identifiers =
    [
        "jan.jansen@example.org", "+31 6 12345678", "Call Maria Garcia at 020-5551234", "BSN 111222333",
        "123-45-6789", "NL91ABNA0417164300", "born 1951-03-12", "2 Main Street", "SW1A 1AA", "MRN 00123456",
        "192.168.1.20", "https://example.org/p/1", "Mr. John Smith", "10115 Berlin",
    ];

    // Cells a site might send instead of the usual form, for fields of each type.
    private static readonly string[] OddNumbers =
    [
        "abc", "3,5", "22.0", "1e3", "+5", "-3", "007", " 12 ", "-0", "+-4", "12345678901234567890", "9999999999999999999",
        "0.5", "-", "+", "１２", "4 2", "99999", "-99999", "5.", ".5", "NaN", "∞", "0x1A", "1_000",
    ];

    private static readonly string[] OddCodes = ["YES", "Yes", "no", "1", "0", "true", "FALSE", "y", "N", "maybe", "2", " yes ", "10", "01"];

    private static readonly string[] OddDates = ["2026-02-30", "2026-13-01", "14/03/2026", "2026-3-14", "1999-12-31", "2027-01-01", "2024-02-29", " 2026-03-14", "20260314"];

    [Fact]
    public async Task Validate_GeneratedAndMutatedCsvRows_SameProblemsAndValuesAsTheReference()
    {
        var compared = await CompareAsync(BatchFormat.Csv, rows: 3_000, seed: 7, shuffleColumns: false);
        Assert.True(compared.Rows >= 3_000, $"{compared.Rows} rows compared");
        Assert.True(compared.Problems > 1_000, $"only {compared.Problems} problems compared: the mutations should raise many");
        Assert.True(compared.Records > 500, $"only {compared.Records} records compared");
    }

    [Fact]
    public async Task Validate_ColumnsInAnotherOrderWithAnUnknownColumn_SameProblemsAndValuesAsTheReference()
    {
        var compared = await CompareAsync(BatchFormat.Csv, rows: 1_500, seed: 11, shuffleColumns: true);
        Assert.True(compared.Problems > 500, $"only {compared.Problems} problems compared");
    }

    [Fact]
    public async Task Validate_GeneratedAndMutatedJsonLines_SameProblemsAndValuesAsTheReference()
    {
        var compared = await CompareAsync(BatchFormat.JsonLines, rows: 1_500, seed: 23, shuffleColumns: false);
        Assert.True(compared.Problems > 500, $"only {compared.Problems} problems compared");
    }

    private static async Task<(int Rows, int Problems, int Records)> CompareAsync(BatchFormat format, int rows, int seed, bool shuffleColumns)
    {
        var random = new Random(seed);
        var generated = SyntheticCohortGenerator.Generate(new SyntheticCohortOptions
        {
            SiteCode = Site,
            Patients = int.MaxValue,
            AsOf = ReceivedOn,
            Seed = seed,
            StudyNumberDigits = 7,
            EnrollmentMonths = 24,
            DataErrorRate = 0.02,
        }).Take(rows).ToList();
        foreach (var row in generated)
        {
            Mutate(row, random);
        }

        var columns = DataDictionary.Default.Fields.Select(f => f.Code).ToList();
        if (shuffleColumns)
        {
            columns = [.. columns.OrderBy(_ => random.Next())];
            columns.Insert(random.Next(columns.Count), "patient_contact");
        }

        var bytes = format == BatchFormat.Csv ? Csv(columns, generated) : JsonLines(generated);
        var context = Context();
        var product = new RecordValidator(context, Gate(context));
        var reference = new ReferenceRecordValidator(context, Gate(context));
        var ungatedProduct = new RecordValidator(context);
        var ungatedReference = new ReferenceRecordValidator(context);

        using var stream = new MemoryStream(bytes, writable: false);
        var reader = BatchReaders.Open(stream, format, context.ReaderLimits, context.Redcap, context.Dictionary);
        int compared = 0, problems = 0, records = 0;
        await foreach (var raw in reader.ReadAsync())
        {
            var expected = reference.Validate(raw);
            var actual = product.Validate(raw);
            AssertSame(raw.Row, expected, actual);
            AssertSame(raw.Row, ungatedReference.Validate(raw), ungatedProduct.Validate(raw));
            compared++;
            problems += expected.Problems.Count;
            records += expected.Record is null ? 0 : 1;
        }

        return (compared, problems, records);
    }

    private static void AssertSame(int row, RecordValidation expected, RecordValidation actual)
    {
        // Problems are records: row, field, code, severity, message, study ID, identifier flag, masked value.
        Assert.Equal(expected.Problems, actual.Problems);
        Assert.Equal(expected.Record is null, actual.Record is null);
        if (expected.Record is not { } want || actual.Record is not { } got)
        {
            return;
        }

        Assert.Equal((want.Kind, want.StudyId, want.Row), (got.Kind, got.StudyId, got.Row));
        Assert.Equal(Rendered(want.Values), Rendered(got.Values));
        Assert.True(want.Values.Count > 0, $"row {row} has no values");
    }

    // Each typed value with its type and canonical text, in enumeration order.
    private static List<string> Rendered(IReadOnlyDictionary<string, object> values) =>
        [.. values.Select(v => $"{v.Key}={v.Value.GetType().Name}:{FieldValues.ToCanonical(v.Value)}")];

    /// <summary>Changes about half the rows in one to three ways a site's export can go wrong.</summary>
    private static void Mutate(SyntheticRow row, Random random)
    {
        if (random.NextDouble() < 0.45)
        {
            return;
        }

        var fields = DataDictionary.Default.Fields;
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var field = fields[random.Next(fields.Count)];
            row[field.Code] = random.Next(12) switch
            {
                0 => string.Empty, // a missing (maybe required) cell
                1 => Pick(random, Identifiers),
                2 => Pick(random, OddNumbers),
                3 => Pick(random, OddCodes),
                4 => Pick(random, OddDates),
                5 => OutOfRange(field, random),
                6 => Recase(row.GetValueOrDefault(field.Code) ?? "x", random),
                7 => (row.GetValueOrDefault(field.Code) ?? "1") + "\u200B",
                8 => random.Next(3) switch { 0 => "95", 1 => "90+", _ => "89.5" },
                9 => field.CodeList is { } codes ? Pick(random, [.. codes.Entries.Select(e => e.Code)]) : Pick(random, OddNumbers),
                10 => field.CodeList is { } list ? string.Join(";", list.Entries.Take(random.Next(1, 4)).Select(e => e.Code.ToUpperInvariant())) : " ",
                _ => Pick(random, ["enrollment", "followup", "withdrawal", "FOLLOWUP", "visit"]),
            };
        }

        // Free text of the row's type (a withdrawal has none) carrying an identifier.
        if (random.Next(10) == 0
            && fields.FirstOrDefault(f => f.FreeText && f.AppliesTo(row.GetValueOrDefault(DataDictionary.RecordTypeField) ?? string.Empty)) is { } text)
        {
            row[text.Code] = "seen with " + Pick(random, Identifiers);
        }

        if (random.Next(15) == 0)
        {
            row[DataDictionary.StudyIdField] = random.Next(3) switch { 0 => "123456789", 1 => "S01-12", _ => "s01-0000001" };
        }

        if (random.Next(20) == 0)
        {
            row["patient_contact"] = Pick(random, Identifiers);
        }

        if (random.Next(8) == 0)
        {
            // Days since the index date instead of (or beside) the dates: an alternative field.
            row["visit_day"] = random.Next(2) == 0 ? "42" : "-5";
            row["death_day"] = random.Next(3) == 0 ? "50" : string.Empty;
            row[random.Next(2) == 0 ? "visit_date" : "death_date"] = string.Empty;
        }
    }

    private static string OutOfRange(FieldDefinition field, Random random)
    {
        var bound = random.Next(3) switch
        {
            0 => (field.Max ?? 100) + 1,
            1 => (field.Min ?? 0) - 1,
            _ => (field.Min ?? 0) + ((field.Step ?? 2) / 2) + 1,
        };
        return bound.ToString(CultureInfo.InvariantCulture);
    }

    private static string Recase(string value, Random random) =>
        random.Next(2) == 0 ? value.ToUpperInvariant() : " " + value + " ";

    private static string Pick(Random random, IReadOnlyList<string> values) => values[random.Next(values.Count)];

    private static byte[] Csv(IReadOnlyList<string> columns, IEnumerable<SyntheticRow> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', columns.Select(Quote))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', columns.Select(c => Quote(row.GetValueOrDefault(c) ?? string.Empty)))).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    private static byte[] JsonLines(IEnumerable<SyntheticRow> rows)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        SyntheticBatchWriter.WriteJsonLines(rows.Select(r =>
        {
            var kept = new SyntheticRow();
            foreach (var (key, value) in r)
            {
                if (value.Length > 0)
                {
                    kept[key] = value;
                }
            }

            return kept;
        }), output);
        return Encoding.UTF8.GetBytes(output.ToString());
    }

    private static BatchValidationContext Context() => new()
    {
        SiteCode = Site,
        StudyIdPattern = BatchValidationContext.CompileStudyIdPattern("^" + Site + "-[0-9]{7}$"),
        ReceivedOn = ReceivedOn,
        Scanner = new IdentifierScanner(),
    };

    private static DeidentificationGate Gate(BatchValidationContext context) =>
        new(context.Scanner!, context.StudyIdPattern!.ToString(), context.Dictionary);
}
