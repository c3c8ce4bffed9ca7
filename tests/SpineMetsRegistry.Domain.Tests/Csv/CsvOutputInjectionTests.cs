using System.Globalization;
using System.Text;
using System.Text.Json;
using SpineMetsRegistry.Domain.Csv;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Dictionary.Export;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Domain.Validation.Reports;
using SpineMetsRegistry.Synthetic;

namespace SpineMetsRegistry.Domain.Tests.Csv;

/// <summary>
/// Every CSV the registry emits, fed text that a spreadsheet would run as a formula: the cell
/// comes out neutralised (a leading quote) with nothing lost, and no cell of any output could
/// run as a formula.
/// </summary>
public sealed class CsvOutputInjectionTests
{
    private static readonly string[] Payloads = ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"];

    /// <summary>Each output, as a function from the hostile text to the CSV it produces with that text in one text cell.</summary>
    private static readonly Dictionary<string, Func<string, string>> Outputs = new()
    {
        ["validation report"] = ValidationReport,
        ["reminder digest"] = ReminderDigest,
        ["REDCap data dictionary"] = RedcapDictionary,
        ["synthetic batch"] = SyntheticBatch,
    };

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var output in Outputs.Keys)
        {
            foreach (var payload in Payloads)
            {
                cases.Add(output, payload);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_CellStartingWithAFormulaTrigger_IsNeutralisedAndKeptWhole(string output, string payload)
    {
        var rows = Parse(Outputs[output](payload));

        var cells = rows.SelectMany(row => row).ToList();
        Assert.Contains("'" + payload, cells);
        Assert.DoesNotContain(cells, cell => CsvCell.IsFormulaLike(cell));
    }

    [Fact]
    public void SyntheticBatch_NegativeNumber_WrittenUnchangedSoTheBatchReadsBack()
    {
        var rows = Parse(SyntheticBatch("plain text"));

        Assert.Contains("-0.12", rows[1]);
    }

    private static string ValidationReport(string payload)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var writer = new CsvValidationReportWriter(output);
        writer.AddAsync(ValidationProblem.Error(2, "primary_other_text", ProblemCodes.InvalidType, payload)).AsTask().GetAwaiter().GetResult();
        return output.ToString();
    }

    private static string ReminderDigest(string payload)
    {
        var day = new DateOnly(2026, 3, 2);
        var digest = new ReminderDigest
        {
            Site = "S01",
            Date = day,
            Protocol = "p",
            Reminders =
            [
                new VisitReminder { StudyId = payload, TimePoint = "m3", State = VisitState.Overdue, WindowOpens = day.AddDays(-30), TargetDate = day.AddDays(-10), WindowCloses = day.AddDays(-1), DaysOverdue = 1, DaysRemaining = -1 },
            ],
        };
        return Encoding.UTF8.GetString(ReminderDigestFormats.ToCsv(digest));
    }

    private static string RedcapDictionary(string payload)
    {
        var label = JsonSerializer.Serialize(payload);
        var json = $$$"""
            {"name":"t","version":"1.0.0","recordTypes":[{"code":"enrollment","label":"E"}],
             "codeLists":{"rt":[{"code":"enrollment","label":"E"}]},
             "fields":[
               {"code":"record_type","label":"RT","type":"code","recordTypes":["enrollment"],"requirement":{"level":"required"},"codeList":"rt"},
               {"code":"study_id","label":{{{label}}},"type":"text","recordTypes":["enrollment"],"requirement":{"level":"required"}}],
             "rules":[]}
            """;
        var loaded = DataDictionary.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        Assert.True(loaded.IsSuccess, string.Join("; ", loaded.Errors));
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        DictionaryExporter.Export(loaded.Value, DictionaryExportFormat.Redcap, output);
        return output.ToString();
    }

    private static string SyntheticBatch(string payload)
    {
        var row = new SyntheticRow { ["record_type"] = "enrollment", ["study_id"] = "S01-0001", ["primary_other_text"] = payload, ["albumin_g_l"] = "-0.12" };
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        SyntheticBatchWriter.WriteCsv([row], output);
        return output.ToString();
    }

    private static List<List<string>> Parse(string text) => Deidentification.CsvTable.Parse(text);
}
