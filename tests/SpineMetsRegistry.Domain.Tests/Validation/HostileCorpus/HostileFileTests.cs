using System.Text;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Validation.HostileCorpus;

/// <summary>
/// Every hostile file earns its specific problem code, stores nothing it should not, and no
/// report echoes a formula payload unneutralised (issue 16).
/// </summary>
[Trait("Category", "Reliability")]
public sealed class HostileFileTests
{
    public static TheoryData<HostileFile> Files()
    {
        var data = new TheoryData<HostileFile>();
        foreach (var file in HostileFiles.All)
        {
            data.Add(file);
        }

        return data;
    }

    [Fact]
    public void Corpus_HasAtLeastFortyFilesWithDistinctNames()
    {
        Assert.True(HostileFiles.All.Count >= 40, $"{HostileFiles.All.Count} hostile files");
        Assert.Equal(HostileFiles.All.Count, HostileFiles.All.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Validate_HostileFile_EarnsItsSpecificCodeAndStoresNothingOfTheBadRow(HostileFile file)
    {
        var reports = await RenderedReports.RenderAsync(file.Build(), file.Format);

        var codes = reports.Run.Problems.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        Assert.True(codes.Contains(file.ExpectedCode), $"{file}: expected {file.ExpectedCode}, got [{string.Join(", ", codes)}]");
        Assert.True(reports.Run.Summary.Errors > 0, $"{file}: no error");
        Assert.True(reports.Run.Accepted.Count < reports.Run.Summary.Records || reports.Run.Summary.Records == 0, $"{file}: every record accepted");
        AssertNoUnneutralisedFormula(reports.Csv);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"#A1\",\"click\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    public async Task Validate_FormulaInFreeText_IsAcceptedAsTextAndNeverEchoed(string formula)
    {
        var reports = await RenderedReports.RenderCsvAsync(BatchText.Csv(SampleRows.Enrollment(), SampleRows.FollowUp().With("complication_text", formula)));

        Assert.Empty(reports.Run.Errors);
        Assert.Equal(formula, reports.Run.Accepted[1].GetString("complication_text"));
        foreach (var rendering in new[] { reports.Json, reports.Csv, reports.Text })
        {
            Assert.DoesNotContain(formula, rendering, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Render_FormulaColumnName_IsNeutralisedInTheCsvReport()
    {
        var reports = await RenderedReports.RenderCsvAsync(BatchText.Csv(SampleRows.Enrollment().With("=HYPERLINK(\"x\")", "1")));

        Assert.Contains(ProblemCodes.UnknownColumn, reports.Run.Problems.Select(p => p.Code));
        Assert.Contains("'=HYPERLINK", reports.Csv, StringComparison.Ordinal);
        AssertNoUnneutralisedFormula(reports.Csv);
    }

    // No CSV report cell may start with = + - @ (a spreadsheet would run it).
    private static void AssertNoUnneutralisedFormula(string csv)
    {
        foreach (var line in csv.Split('\n').Skip(1))
        {
            foreach (var cell in SplitCells(line))
            {
                Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '@' || (cell.Length > 1 && cell[0] == '-' && !char.IsAsciiDigit(cell[1])),
                    "a report cell starts with a formula character");
            }
        }
    }

    private static IEnumerable<string> SplitCells(string line)
    {
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (c == ',' && !quoted)
            {
                yield return cell.ToString();
                cell.Clear();
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }

        yield return cell.ToString();
    }
}
