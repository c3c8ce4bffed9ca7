using System.Text;
using SpineMetsRegistry.Domain.Batches.Redcap;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Batches.Redcap;

/// <summary>The REDCap raw export layout the registry writes (templates, examples) against a project built from its dictionary export.</summary>
public sealed class RedcapExportLayoutTests
{
    private static readonly RedcapExportLayout Layout = RedcapExportLayout.Longitudinal(DataDictionary.Default, new RedcapSettings());

    private static Dictionary<string, string> Values(Row row) => row.Cells.ToDictionary(c => c.Key, c => c.Value);

    [Fact]
    public void Columns_AreTheRawHeaderOfAProjectBuiltFromTheDictionaryExport()
    {
        Assert.Equal(new RedcapProject().RawHeader, Layout.Columns);
    }

    [Fact]
    public void Row_RecordsOfEachType_WrittenAsTheProjectExportsThem()
    {
        var project = new RedcapProject();
        var rows = new[] { SampleRows.Enrollment(), SampleRows.FollowUp(timePoint: "12w"), SampleRows.Withdrawal("S01-0002") };
        var expected = project.RawExport(
            new RedcapRow("baseline_arm_1", rows[0]),
            new RedcapRow("week_12_arm_1", rows[1]),
            new RedcapRow("withdrawal_arm_1", rows[2])).Split('\n')[1..^1];

        var written = rows.Select(r => string.Join(',', Layout.Row(Values(r)).Select(BatchText.Quote)));

        Assert.Equal(expected, written);
    }

    [Fact]
    public void Row_RecordNoEventHolds_Throws()
    {
        var settings = new RedcapSettings { Events = [RedcapEventMapping.Of("baseline_arm_1", "enrollment")] };
        var layout = RedcapExportLayout.Longitudinal(DataDictionary.Default, settings);

        Assert.Throws<ArgumentException>(() => layout.Row(Values(SampleRows.FollowUp())));
    }

    [Fact]
    public async Task Row_WrittenRecords_ValidateBackToTheSameRecords()
    {
        var rows = new[] { SampleRows.Enrollment(), SampleRows.FollowUp(), SampleRows.FollowUp(timePoint: "26w", visitDate: "2026-05-20") };
        var export = new StringBuilder(string.Join(',', Layout.Columns)).Append('\n');
        foreach (var row in rows)
        {
            export.Append(string.Join(',', Layout.Row(Values(row)).Select(BatchText.Quote))).Append('\n');
        }

        var run = await ValidationRun.CsvAsync(export.ToString());

        Assert.Empty(run.Problems);
        Assert.Equal(BatchDecision.Accepted, run.Summary.Decision);
        Assert.Equal(["6w", "26w"], run.Accepted.Skip(1).Select(r => r.TimePoint));
    }
}
