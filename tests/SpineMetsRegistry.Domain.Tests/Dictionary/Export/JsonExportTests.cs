using System.Text.Json;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Dictionary.Export;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Dictionary.Export;

public sealed class JsonExportTests
{
    private static readonly JsonElement Root = JsonDocument.Parse(Exports.Of(DictionaryExportFormat.Json)).RootElement;
    private static readonly DataDictionary Shipped = DataDictionary.Default;

    [Fact]
    public void Export_Json_CarriesNameAndVersion()
    {
        Assert.Equal(Shipped.Name, Root.GetProperty("name").GetString());
        Assert.Equal(Shipped.Version, Root.GetProperty("version").GetString());
    }

    [Fact]
    public void Export_Json_RoundTripsFieldCodesTypesAndRecordTypes()
    {
        var exported = Root.GetProperty("fields").EnumerateArray().Select(f => (
            Code: f.GetProperty("code").GetString(),
            Type: f.GetProperty("type").GetString(),
            RecordTypes: string.Join(",", f.GetProperty("recordTypes").EnumerateArray().Select(t => t.GetString())))).ToList();

        var expected = Shipped.Fields.Select(f => (
            Code: (string?)f.Code,
            Type: (string?)JsonNamingPolicy.SnakeCaseLower.ConvertName(f.Type.ToString()),
            RecordTypes: string.Join(",", f.RecordTypes))).ToList();
        Assert.Equal(expected, exported);
    }

    [Fact]
    public void Export_Json_RoundTripsRangesAndCodeLists()
    {
        foreach (var element in Root.GetProperty("fields").EnumerateArray())
        {
            var field = Shipped.Field(element.GetProperty("code").GetString()!);
            Assert.Equal(field.Min, element.TryGetProperty("min", out var min) ? min.GetDecimal() : null);
            Assert.Equal(field.Max, element.TryGetProperty("max", out var max) ? max.GetDecimal() : null);
            Assert.Equal(field.CodeList?.Name, element.TryGetProperty("codeList", out var list) ? list.GetString() : null);
        }

        var codeLists = Root.GetProperty("codeLists");
        Assert.All(Shipped.CodeLists, list => Assert.Equal(
            list.Entries.Select(e => e.Code),
            codeLists.GetProperty(list.Name).EnumerateArray().Select(e => e.GetProperty("code").GetString())));
    }

    [Fact]
    public void Export_Json_ConditionalRequirementKeepsCondition()
    {
        var surgeryType = Root.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "surgery_type");
        var requirement = surgeryType.GetProperty("requirement");

        Assert.Equal("required", requirement.GetProperty("level").GetString());
        Assert.Equal("index_treatment", requirement.GetProperty("when").GetProperty("field").GetString());
        Assert.Equal("must be empty", requirement.GetProperty("otherwise").GetString());
    }

    [Fact]
    public void Export_Json_ListsRulesAndEveryProblemCode()
    {
        Assert.Equal(Shipped.Rules.Select(r => r.Code), Root.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal(ProblemCodes.All.Select(p => p.Code), Root.GetProperty("problemCodes").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
    }
}
