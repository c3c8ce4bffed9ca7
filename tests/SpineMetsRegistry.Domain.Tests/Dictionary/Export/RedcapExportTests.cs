using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Dictionary.Export;
using SpineMetsRegistry.Domain.Tests.TestSupport;

namespace SpineMetsRegistry.Domain.Tests.Dictionary.Export;

/// <summary>
/// The REDCap data dictionary CSV, read back with the registry's own RFC 4180 reader: if the
/// quoting were wrong the reader would report defects or a ragged row.
/// </summary>
public sealed class RedcapExportTests
{
    private static readonly DataDictionary Shipped = DataDictionary.Default;
    private static readonly (IReadOnlyList<string> Header, IReadOnlyList<Dictionary<string, string>> Rows) Parsed = Parse(Exports.Of(DictionaryExportFormat.Redcap));

    private static readonly string[] RedcapHeader =
    [
        "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
        "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
        "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
        "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name",
        "Matrix Ranking?", "Field Annotation",
    ];

    private static (IReadOnlyList<string>, IReadOnlyList<Dictionary<string, string>>) Parse(string csv)
    {
        var reader = BatchReaders.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)), BatchFormat.Csv);
        var rows = new List<Dictionary<string, string>>();
        var records = reader.ReadAsync().ToBlockingEnumerable().ToList();
        Assert.Empty(reader.FileProblems);
        foreach (var record in records)
        {
            Assert.Empty(record.Defects);
            rows.Add(record.Fields.ToDictionary(f => f.Column, f => f.Value));
        }

        return (reader.Columns!, rows);
    }

    private static Dictionary<string, string> RowOf(string code) => Parsed.Rows.Single(r => r["Variable / Field Name"] == code);

    [Fact]
    public void Export_Redcap_HeaderIsTheEighteenRedcapColumns()
    {
        Assert.Equal(RedcapHeader, Parsed.Header);
    }

    [Fact]
    public void Export_Redcap_OneRowPerFieldExceptRecordType()
    {
        var expected = Shipped.Fields.Select(f => f.Code).Where(c => c != "record_type").Order(StringComparer.Ordinal);

        Assert.Equal(expected, Parsed.Rows.Select(r => r["Variable / Field Name"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Export_Redcap_StudyIdIsFirstRowOnFirstForm()
    {
        Assert.Equal("study_id", Parsed.Rows[0]["Variable / Field Name"]);
        Assert.Equal(Parsed.Rows[0]["Form Name"], Parsed.Rows[1]["Form Name"]);
    }

    [Fact]
    public void Export_Redcap_FieldsOfAFormAreContiguous()
    {
        var forms = Parsed.Rows.Select(r => r["Form Name"]).ToList();
        var runs = forms.Where((form, i) => i == 0 || forms[i - 1] != form).ToList();

        Assert.Equal(runs.Distinct().Count(), runs.Count);
        Assert.Equal(["enrollment", "outcomes", "follow_up", "withdrawal"], runs);
    }

    [Fact]
    public void Export_Redcap_ChoicesAreCodeCommaLabelSeparatedByPipes()
    {
        foreach (var field in Shipped.Fields.Where(f => f.Type == FieldType.Code && f.Code != "record_type"))
        {
            var row = RowOf(field.Code);
            Assert.Contains(row["Field Type"], new[] { "radio", "dropdown" });
            var choices = row["Choices, Calculations, OR Slider Labels"].Split(" | ").Select(choice =>
            {
                var comma = choice.IndexOf(", ", StringComparison.Ordinal);
                return new CodeListEntry(choice[..comma], choice[(comma + 2)..]);
            });
            Assert.Equal(field.CodeList!.Entries, choices);
        }
    }

    [Fact]
    public void Export_Redcap_CodeListFieldsAreCheckboxesWithEveryCode()
    {
        var lists = Shipped.Fields.Where(f => f.Type == FieldType.LevelList).ToList();

        Assert.NotEmpty(lists);
        foreach (var field in lists)
        {
            var row = RowOf(field.Code);
            Assert.Equal("checkbox", row["Field Type"]);
            Assert.Equal(
                field.CodeList!.Entries.Select(e => $"{e.Code}, {e.Label}"),
                row["Choices, Calculations, OR Slider Labels"].Split(" | "));
        }
    }

    [Theory]
    [InlineData("spinal_mets_count", "text", "integer", "1", "30")]
    [InlineData("kps", "text", "integer", "0", "100")]
    [InlineData("albumin_g_l", "text", "number", "10", "60")]
    [InlineData("index_date", "text", "date_ymd", "", "")]
    [InlineData("visit_date", "text", "date_ymd", "", "")]
    [InlineData("reoperation", "yesno", "", "", "")]
    [InlineData("age_at_index", "text", "", "", "")]
    [InlineData("study_id", "text", "", "", "")]
    [InlineData("complication_text", "notes", "", "", "")]
    public void Export_Redcap_TypeAndValidationFollowFieldType(string code, string fieldType, string validation, string min, string max)
    {
        var row = RowOf(code);

        Assert.Equal(
            (fieldType, validation, min, max),
            (row["Field Type"], row["Text Validation Type OR Show Slider Number"], row["Text Validation Min"], row["Text Validation Max"]));
    }

    [Fact]
    public void Export_Redcap_EveryNumericAndDateFieldHasValidation()
    {
        foreach (var field in Shipped.Fields)
        {
            var expected = field.Type switch
            {
                FieldType.Integer => "integer",
                FieldType.Decimal => "number",
                FieldType.Date => "date_ymd",
                _ => null,
            };
            if (expected is not null)
            {
                Assert.Equal(expected, RowOf(field.Code)["Text Validation Type OR Show Slider Number"]);
            }
        }
    }

    [Theory]
    [InlineData("surgery_type", "[index_treatment] = 'surgery' or [index_treatment] = 'combined'")]
    [InlineData("surgery_other_text", "[surgery_type] = 'other'")]
    [InlineData("primary_other_text", "[primary_tumour] = 'other'")]
    [InlineData("death_date", "[vital_status] = 'deceased'")]
    // Only fields that must be empty outside their condition are hidden; the EQ-5D version is
    // asked before the items, so hiding it until an item is answered would be backwards.
    [InlineData("eq5d_version", "")]
    [InlineData("nrs_pain", "")]
    [InlineData("sex", "")]
    public void Export_Redcap_ConditionalFieldsCarryBranchingLogic(string code, string branching)
    {
        Assert.Equal(branching, RowOf(code)["Branching Logic (Show field only if...)"]);
    }

    [Theory]
    [InlineData("study_id", "y")]
    [InlineData("sex", "y")]
    [InlineData("surgery_type", "y")]
    [InlineData("visit_date", "")]
    [InlineData("asia_grade", "")]
    [InlineData("albumin_g_l", "")]
    [InlineData("eq5d_version", "")]
    public void Export_Redcap_RequiredFlagOnlyWhereRedcapCanEnforceIt(string code, string required)
    {
        Assert.Equal(required, RowOf(code)["Required Field?"]);
    }

    [Fact]
    public void Export_Redcap_NoFieldIsFlaggedAsIdentifier()
    {
        Assert.All(Parsed.Rows, row => Assert.Equal(string.Empty, row["Identifier?"]));
    }

    [Fact]
    public void Export_Redcap_QuotesCommasQuotesAndLineBreaks()
    {
        // A dictionary whose labels need every kind of quoting must still read back exactly.
        var json = """
            {"name":"t","version":"9.9.9","recordTypes":[{"code":"enrollment","label":"E"}],
             "codeLists":{"rt":[{"code":"enrollment","label":"E"}],"yn":[{"code":"a","label":"Ay, \"quoted\", yes"},{"code":"b","label":"Bee"}]},
             "fields":[
               {"code":"record_type","label":"RT","type":"code","recordTypes":["enrollment"],"requirement":{"level":"required"},"codeList":"rt"},
               {"code":"study_id","label":"Study, \"ID\"","type":"text","recordTypes":["enrollment"],"requirement":{"level":"required"}},
               {"code":"choice","label":"Line one\nline two","type":"code","recordTypes":["enrollment"],"requirement":{"level":"optional"},"codeList":"yn"}],
             "rules":[]}
            """;
        var dictionary = DataDictionary.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))).Value!;

        var (_, rows) = Parse(Exports.Of(DictionaryExportFormat.Redcap, dictionary));

        Assert.Equal("Study, \"ID\"", rows[0]["Field Label"]);
        Assert.Equal("Line one\nline two", rows[1]["Field Label"]);
        Assert.Equal("a, Ay, \"quoted\", yes | b, Bee", rows[1]["Choices, Calculations, OR Slider Labels"]);
    }
}
