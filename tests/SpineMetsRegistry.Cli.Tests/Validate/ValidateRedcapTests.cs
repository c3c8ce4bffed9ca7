using SpineMetsRegistry.Cli.Tests.TestSupport;
using SpineMetsRegistry.Domain.Dictionary;

namespace SpineMetsRegistry.Cli.Tests.Validate;

/// <summary>
/// <c>spinemets validate</c> on REDCap records exports: detected from the header of a .csv
/// file, or named with <c>--format redcap</c> / <c>--input-format redcap</c>. The exports are
/// the REDCap example <c>spinemets template --format redcap</c> writes, edited as a site's
/// project would differ.
/// </summary>
public sealed class ValidateRedcapTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<string> RedcapExampleAsync()
    {
        var directory = Path.Combine(_folder.Path, "t");
        var written = await CliRun.InvokeAsync("template", "--out", directory, "--format", "redcap", "--config", _folder.Config());
        Assert.Equal(0, written.ExitCode);
        return await File.ReadAllTextAsync(Path.Combine(directory, $"redcap-example-{DataDictionary.Default.Version}.csv"));
    }

    private Task<CliRun> ValidateAsync(string fileName, string content, params string[] options)
    {
        var file = _folder.Write(fileName, content);
        string[] args = ["validate", file, "--site", "S01", "--config", _folder.Config(), "--received-on", "2026-06-01", .. options];
        return CliRun.InvokeAsync(args);
    }

    [Fact]
    public async Task Validate_RedcapExportAsCsv_DetectedAndAccepted()
    {
        var run = await ValidateAsync("export.csv", await RedcapExampleAsync());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Summary: 5 records read, 5 accepted (2 enrollment, 3 followup), 0 rejected.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_FormatRedcapOnAReportWithoutSystemColumns_ReadAsRedcap()
    {
        // A REDCap report of some enrollment fields: nothing in the header says REDCap.
        const string Report = "study_id,age_at_index,sex,index_date,index_treatment,surgery_type,primary_tumour,index_level,spinal_mets_count,extraspinal_mets_count,visceral_mets,ecog,asia_grade,ambulatory_status\n"
            + "S01-0001,64,female,2026-01-10,surgery,decompression_stabilisation,lung,T8,2,1,none,1,D,assisted\n";

        var detected = await ValidateAsync("report.csv", Report);
        var forced = await ValidateAsync("report.csv", Report, "--format", "redcap");
        var forcedJson = await ValidateAsync("report.txt", Report, "--input-format", "redcap", "--json");

        Assert.Equal(1, detected.ExitCode);
        Assert.Contains("<missing_column>", detected.Output, StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("1 accepted (1 enrollment", forced.Output, StringComparison.Ordinal);
        Assert.Equal(0, forcedJson.ExitCode);
        Assert.Contains("\"format\":\"redcap\"", forcedJson.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnmappedEvent_ExitOneNamingRowAndEvent()
    {
        var export = (await RedcapExampleAsync()).Replace("week_12_arm_1", "week_13_arm_1", StringComparison.Ordinal);

        var run = await ValidateAsync("export.csv", export);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ERROR   row 5 [redcap_event_name]:", run.Output, StringComparison.Ordinal);
        Assert.Contains("week_13_arm_1", run.Output, StringComparison.Ordinal);
        Assert.Contains("<redcap_unmapped_event>", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_LabelsExport_ExitOneWithTheOneRawDataError()
    {
        var export = await RedcapExampleAsync();
        var lines = export.Split('\n');
        lines[0] = lines[0].Replace("study_id,redcap_event_name,", "Study ID,Event Name,", StringComparison.Ordinal);

        var run = await ValidateAsync("export.csv", string.Join('\n', lines));

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Output.Split('\n'), line => line.StartsWith("ERROR", StringComparison.Ordinal));
        Assert.Contains("<redcap_labels_export>", run.Output, StringComparison.Ordinal);
        Assert.Contains("raw data", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_InputFormatWithUnknownValue_UsageError()
    {
        var run = await ValidateAsync("export.csv", await RedcapExampleAsync(), "--input-format", "xlsx");

        Assert.Equal(2, run.ExitCode);
    }
}
