using System.Text;
using System.Text.Json.Nodes;
using SpineMetsRegistry.Domain.Dictionary;

namespace SpineMetsRegistry.Domain.Tests.Dictionary;

/// <summary>
/// A broken dictionary is reported with every defect and a specific message, never by an
/// exception: each test breaks one thing in a copy of the shipped JSON.
/// </summary>
public sealed class DictionaryLoadTests
{
    private static DictionaryLoadResult Load(string json) => DataDictionary.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static DictionaryLoadResult LoadEdited(Action<JsonObject> edit)
    {
        var document = ShippedJson();
        edit(document);
        return Load(document.ToJsonString());
    }

    private static JsonObject ShippedJson()
    {
        using var stream = typeof(DataDictionary).Assembly.GetManifestResourceStream("SpineMetsRegistry.Domain.Dictionary.data-dictionary.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }

    private static JsonObject FieldOf(JsonObject document, string code) =>
        document["fields"]!.AsArray().Select(f => f!.AsObject()).Single(f => (string?)f["code"] == code);

    [Fact]
    public void Load_UnmodifiedShippedJson_Succeeds()
    {
        var result = LoadEdited(_ => { });

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Empty(result.Errors);
        Assert.Equal(DataDictionary.Default.Fields.Count, result.Value!.Fields.Count);
    }

    [Fact]
    public void Load_UnknownCodeListReference_ReportsFieldAndList()
    {
        var result = LoadEdited(d => FieldOf(d, "sex")["codeList"] = "sexes");

        Assert.False(result.IsSuccess);
        Assert.Null(result.Value);
        Assert.Contains("Field sex refers to unknown code list sexes.", result.Errors);
    }

    [Fact]
    public void Load_CodeFieldWithoutCodeList_ReportsMissingList()
    {
        var result = LoadEdited(d => FieldOf(d, "sex").Remove("codeList"));

        Assert.Contains(result.Errors, e => e.Contains("Field sex", StringComparison.Ordinal) && e.Contains("needs a code list", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DuplicateFieldCode_ReportsCode()
    {
        var result = LoadEdited(d => d["fields"]!.AsArray().Add(FieldOf(d, "sex").DeepClone()));

        Assert.Equal(["Field code sex is defined twice."], result.Errors);
    }

    [Theory]
    [InlineData("Sex")]
    [InlineData("2sex")]
    [InlineData("sex-at-birth")]
    [InlineData("sex at birth")]
    [InlineData("_sex")]
    [InlineData("a_field_code_longer_than_26")]
    public void Load_FieldCodeNotRedcapLegal_ReportsCode(string code)
    {
        var result = LoadEdited(d => FieldOf(d, "albumin_g_l")["code"] = code);

        Assert.Equal([$"Field code {code} is not a valid REDCap variable name."], result.Errors);
    }

    [Theory]
    [InlineData("when")]
    [InlineData("unless")]
    [InlineData("whenAnyPresent")]
    [InlineData("maxWhen")]
    [InlineData("rule")]
    public void Load_DanglingFieldReference_ReportsReferrerAndMissingField(string where)
    {
        var result = LoadEdited(d =>
        {
            switch (where)
            {
                case "when":
                    FieldOf(d, "surgery_type")["requirement"]!["when"]!["field"] = "index_treatement";
                    break;
                case "unless":
                    FieldOf(d, "visit_date")["requirement"]!["unless"] = "index_treatement";
                    break;
                case "whenAnyPresent":
                    FieldOf(d, "eq5d_version")["requirement"]!["whenAnyPresent"]!.AsArray().Add("index_treatement");
                    break;
                case "maxWhen":
                    FieldOf(d, "eq5d_mo")["maxWhen"]![0]!["field"] = "index_treatement";
                    break;
                default:
                    d["rules"]![0]!["fields"]!.AsArray().Add("index_treatement");
                    break;
            }
        });

        var error = Assert.Single(result.Errors);
        Assert.EndsWith("refers to unknown field index_treatement.", error, StringComparison.Ordinal);
        Assert.Contains(where == "rule" ? "Rule performance_status" : "Field ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FieldWithUnknownRecordType_ReportsIt()
    {
        var result = LoadEdited(d => FieldOf(d, "sex")["recordTypes"]!.AsArray().Add("baseline"));

        Assert.Equal(["Field sex refers to unknown record type baseline."], result.Errors);
    }

    [Fact]
    public void Load_MinAboveMax_ReportsField()
    {
        var result = LoadEdited(d => FieldOf(d, "ecog")["min"] = 9);

        Assert.Equal(["Field ecog has min 9 above max 5."], result.Errors);
    }

    [Fact]
    public void Load_SeveralDefects_ReportsEveryOneAtOnce()
    {
        var result = LoadEdited(d =>
        {
            FieldOf(d, "sex")["codeList"] = "sexes";
            FieldOf(d, "albumin_g_l")["code"] = "Albumin";
            FieldOf(d, "surgery_type")["requirement"]!["when"]!["field"] = "nowhere";
        });

        Assert.Equal(
            [
                "Field sex refers to unknown code list sexes.",
                "Field sex of type Code needs a code list.",
                "Field code Albumin is not a valid REDCap variable name.",
                "Field surgery_type refers to unknown field nowhere.",
            ],
            result.Errors);
    }

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"name\": \"x\", \"version\": 1}")]
    public void Load_InvalidJson_ReportsNotValidJson(string json)
    {
        var result = Load(json);

        Assert.False(result.IsSuccess);
        Assert.StartsWith("The dictionary is not valid JSON", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownProperty_ReportedAsInvalidJsonRatherThanIgnored()
    {
        var result = LoadEdited(d => FieldOf(d, "sex")["colour"] = "blue");

        Assert.StartsWith("The dictionary is not valid JSON", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_JsonNullDocument_ReportsEmpty()
    {
        Assert.Equal(["The dictionary is empty."], Load("null").Errors);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("fields")]
    [InlineData("codeLists")]
    [InlineData("rules")]
    [InlineData("recordTypes")]
    [InlineData("requirement")]
    [InlineData("fieldRecordTypes")]
    public void Load_RequiredSectionMissing_ReportsErrorWithoutThrowing(string missing)
    {
        var result = missing == "{}" ? Load("{}") : LoadEdited(d =>
        {
            switch (missing)
            {
                case "requirement":
                    FieldOf(d, "sex").Remove("requirement");
                    break;
                case "fieldRecordTypes":
                    FieldOf(d, "sex").Remove("recordTypes");
                    break;
                default:
                    d.Remove(missing);
                    break;
            }
        });

        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("The dictionary is not valid JSON", error, StringComparison.Ordinal);
        Assert.Contains(missing switch { "{}" => "name", "fieldRecordTypes" => "recordTypes", _ => missing }, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fields")]
    [InlineData("rules")]
    public void Load_RequiredSectionNull_ReportsErrorWithoutThrowing(string section)
    {
        var result = LoadEdited(d => d[section] = null);

        Assert.StartsWith("The dictionary is not valid JSON", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateRecordType_ReportsItWithoutThrowing()
    {
        var result = LoadEdited(d => d["recordTypes"]!.AsArray().Add(d["recordTypes"]![0]!.DeepClone()));

        Assert.Equal(["Record type enrollment is defined more than once."], result.Errors);
    }

    [Fact]
    public void Load_CodeListWithDuplicateCode_ReportsListWithoutThrowing()
    {
        var result = LoadEdited(d => d["codeLists"]!["sex"]!.AsArray().Add(new JsonObject { ["code"] = "FEMALE", ["label"] = "Female again" }));

        Assert.Equal(["Code list sex defines code female more than once (codes are matched ignoring case)."], result.Errors);
    }

    [Theory]
    [InlineData("fields")]
    [InlineData("rules")]
    [InlineData("recordTypes")]
    [InlineData("codeLists.sex")]
    public void Load_NullListElement_ReportsErrorWithoutThrowing(string section)
    {
        var result = LoadEdited(d => (section == "codeLists.sex" ? d["codeLists"]!["sex"]! : d[section]!).AsArray().Add(null));

        Assert.Equal([$"The dictionary's {section} contains a null entry."], result.Errors);
    }

    [Fact]
    public void Load_NullCodeList_ReportsErrorWithoutThrowing()
    {
        var result = LoadEdited(d => d["codeLists"]!["sex"] = null);

        Assert.False(result.IsSuccess);
        Assert.NotEmpty(result.Errors);
    }
}
