using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Dictionary.Export;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Dictionary.Export;

public sealed class MarkdownExportTests
{
    private static readonly string Markdown = Exports.Of(DictionaryExportFormat.Markdown);

    [Fact]
    public void Export_Markdown_TitleCarriesVersion()
    {
        Assert.StartsWith($"# {DataDictionary.Default.Name}, version {DataDictionary.Default.Version}", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_Markdown_ListsEveryFieldCodeAsTableRow()
    {
        Assert.All(DataDictionary.Default.Fields, field => Assert.Contains($"| `{field.Code}` |", Markdown, StringComparison.Ordinal));
    }

    [Fact]
    public void Export_Markdown_ListsEveryProblemCodeWithDescription()
    {
        Assert.All(ProblemCodes.All, entry => Assert.Contains($"| `{entry.Code}` | {entry.Description} |", Markdown, StringComparison.Ordinal));
    }

    [Fact]
    public void Export_Markdown_HasSectionPerRecordTypeAndCodeList()
    {
        Assert.All(DataDictionary.Default.RecordTypes, type => Assert.Contains($"(`record_type` = `{type.Code}`)", Markdown, StringComparison.Ordinal));
        Assert.All(DataDictionary.Default.CodeLists, list => Assert.Contains($"### `{list.Name}`", Markdown, StringComparison.Ordinal));
    }

    [Fact]
    public void Export_Markdown_EveryTableRowHasSevenCells()
    {
        // A '|' inside a label or description must be escaped, or the table breaks.
        var fieldRows = Markdown.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal) && l.Count(c => c == '`') >= 2).ToList();
        var fieldTableRows = fieldRows.Where(r => DataDictionary.Default.Fields.Any(f => r.StartsWith($"| `{f.Code}` |", StringComparison.Ordinal)) && SplitCells(r).Count == 7).ToList();

        Assert.Equal(DataDictionary.Default.RecordTypes.Sum(t => DataDictionary.Default.FieldsOf(t.Code).Count), fieldTableRows.Count);
    }

    [Fact]
    public void Export_Markdown_ConditionalRequirementIsSpelledOut()
    {
        Assert.Contains("required when index_treatment is surgery or combined; must be empty otherwise", Markdown, StringComparison.Ordinal);
        Assert.Contains("required unless visit_day is given", Markdown, StringComparison.Ordinal);
    }

    private static List<string> SplitCells(string row)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 1; i < row.Length; i++)
        {
            if (row[i] == '\\' && i + 1 < row.Length && row[i + 1] == '|')
            {
                current.Append('|');
                i++;
            }
            else if (row[i] == '|')
            {
                cells.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(row[i]);
            }
        }

        return cells;
    }
}
