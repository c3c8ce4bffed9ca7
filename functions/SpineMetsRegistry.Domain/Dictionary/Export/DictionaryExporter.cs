using System.Text;
using System.Text.Json;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Dictionary.Export;

/// <summary>The formats the data dictionary can be exported in.</summary>
public enum DictionaryExportFormat
{
    /// <summary>Markdown, for people.</summary>
    Markdown,

    /// <summary>JSON, for programs.</summary>
    Json,

    /// <summary>REDCap data dictionary CSV: one import builds the registry's forms in a REDCap project.</summary>
    Redcap,
}

/// <summary>Renders the data dictionary in each export format.</summary>
public static class DictionaryExporter
{
    /// <summary>Writes <paramref name="dictionary"/> in <paramref name="format"/>.</summary>
    public static void Export(DataDictionary dictionary, DictionaryExportFormat format, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case DictionaryExportFormat.Markdown:
                WriteMarkdown(dictionary, output);
                break;
            case DictionaryExportFormat.Json:
                WriteJson(dictionary, output);
                break;
            case DictionaryExportFormat.Redcap:
                RedcapDictionaryWriter.Write(dictionary, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    private static void WriteMarkdown(DataDictionary dictionary, TextWriter output)
    {
        output.WriteLine($"# {dictionary.Name}, version {dictionary.Version}");
        output.WriteLine();
        output.WriteLine("Generated from the registry's machine-readable data dictionary; do not edit by hand.");
        output.WriteLine("Upload batches as CSV (UTF-8, header row of field codes) or JSON Lines (one object per line, keys are field codes), one record per row, with a `record_type` column.");
        output.WriteLine("An empty cell means the value is missing. Unknown columns hold the whole batch: nothing is ever dropped silently.");
        foreach (var recordType in dictionary.RecordTypes)
        {
            output.WriteLine();
            output.WriteLine($"## {recordType.Label} (`record_type` = `{recordType.Code}`)");
            output.WriteLine();
            output.WriteLine(recordType.Description);
            output.WriteLine();
            output.WriteLine("| Code | Label | Type | Unit | Allowed values | Required | Instruments |");
            output.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var field in dictionary.FieldsOf(recordType.Code))
            {
                output.WriteLine(string.Join(" | ",
                    $"| `{field.Code}`",
                    Cell(field.Label + (field.Description is null ? string.Empty : ". " + field.Description)),
                    FieldDescriptions.TypeName(field.Type),
                    Cell(field.Unit ?? string.Empty),
                    Cell(FieldDescriptions.Allowed(field)),
                    Cell(FieldDescriptions.Requirement(field, recordType.Code)),
                    string.Join(", ", field.Instruments)) + " |");
            }

            var rules = dictionary.RulesOf(recordType.Code).ToList();
            if (rules.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("Record rules:");
                output.WriteLine();
                foreach (var rule in rules)
                {
                    output.WriteLine($"- `{rule.Code}` ({(rule.IsError ? "error" : "warning")}): {rule.Message} Fields: {string.Join(", ", rule.Fields.Select(f => $"`{f}`"))}.");
                }
            }
        }

        output.WriteLine();
        output.WriteLine("## Code lists");
        foreach (var list in dictionary.CodeLists)
        {
            output.WriteLine();
            output.WriteLine($"### `{list.Name}`");
            output.WriteLine();
            output.WriteLine("| Code | Label |");
            output.WriteLine("|---|---|");
            foreach (var entry in list.Entries)
            {
                output.WriteLine($"| `{entry.Code}` | {Cell(entry.Label)} |");
            }
        }

        output.WriteLine();
        output.WriteLine("## Validation problem codes");
        output.WriteLine();
        output.WriteLine("| Code | Meaning |");
        output.WriteLine("|---|---|");
        foreach (var (code, description) in ProblemCodes.All)
        {
            output.WriteLine($"| `{code}` | {Cell(description)} |");
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static void WriteJson(DataDictionary dictionary, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("name", dictionary.Name);
            json.WriteString("version", dictionary.Version);
            json.WriteStartArray("recordTypes");
            foreach (var recordType in dictionary.RecordTypes)
            {
                json.WriteStartObject();
                json.WriteString("code", recordType.Code);
                json.WriteString("label", recordType.Label);
                json.WriteString("description", recordType.Description);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("fields");
            foreach (var field in dictionary.Fields)
            {
                WriteField(json, field);
            }

            json.WriteEndArray();
            json.WriteStartObject("codeLists");
            foreach (var list in dictionary.CodeLists)
            {
                json.WriteStartArray(list.Name);
                foreach (var entry in list.Entries)
                {
                    json.WriteStartObject();
                    json.WriteString("code", entry.Code);
                    json.WriteString("label", entry.Label);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteStartArray("rules");
            foreach (var rule in dictionary.Rules)
            {
                json.WriteStartObject();
                json.WriteString("code", rule.Code);
                json.WriteString("kind", JsonNamingPolicy.SnakeCaseLower.ConvertName(rule.Kind.ToString()));
                WriteStrings(json, "recordTypes", rule.RecordTypes);
                WriteStrings(json, "fields", rule.Fields);
                json.WriteString("severity", rule.IsError ? "error" : "warning");
                json.WriteString("message", rule.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("problemCodes");
            foreach (var (code, description) in ProblemCodes.All)
            {
                json.WriteStartObject();
                json.WriteString("code", code);
                json.WriteString("description", description);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.WriteLine();
    }

    private static void WriteField(Utf8JsonWriter json, FieldDefinition field)
    {
        json.WriteStartObject();
        json.WriteString("code", field.Code);
        json.WriteString("label", field.Label);
        json.WriteString("type", JsonNamingPolicy.SnakeCaseLower.ConvertName(field.Type.ToString()));
        WriteStrings(json, "recordTypes", field.RecordTypes);
        json.WriteStartObject("requirement");
        json.WriteString("level", FieldDescriptions.Level(field.Requirement.Level));
        if (field.Requirement.ByRecordType.Count > 0)
        {
            json.WriteStartObject("byRecordType");
            foreach (var (type, level) in field.Requirement.ByRecordType)
            {
                json.WriteString(type, FieldDescriptions.Level(level));
            }

            json.WriteEndObject();
        }

        if (field.Requirement.When is { } when)
        {
            json.WriteStartObject("when");
            json.WriteString("field", when.Field);
            WriteStrings(json, "in", when.Values);
            if (when.RecordTypes is { } conditionTypes)
            {
                WriteStrings(json, "recordTypes", conditionTypes);
            }

            json.WriteEndObject();
            json.WriteString("otherwise", FieldDescriptions.Level(field.Requirement.Otherwise));
        }

        if (field.Requirement.Unless is { } unless)
        {
            json.WriteString("unless", unless);
        }

        if (field.Requirement.WhenAnyPresent.Count > 0)
        {
            WriteStrings(json, "whenAnyPresent", field.Requirement.WhenAnyPresent);
        }

        json.WriteEndObject();
        WriteOptional(json, "unit", field.Unit);
        WriteOptional(json, "min", field.Min);
        WriteOptional(json, "max", field.Max);
        WriteOptional(json, "step", field.Step);
        if (field.MaxWhen.Count > 0)
        {
            json.WriteStartArray("maxWhen");
            foreach (var conditional in field.MaxWhen)
            {
                json.WriteStartObject();
                json.WriteString("field", conditional.Condition.Field);
                WriteStrings(json, "in", conditional.Condition.Values);
                json.WriteNumber("max", conditional.Max);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        WriteOptional(json, "topCode", field.TopCode);
        if (field.MaxLength is { } maxLength)
        {
            json.WriteNumber("maxLength", maxLength);
        }

        WriteOptional(json, "codeList", field.CodeList?.Name);
        if (field.FreeText)
        {
            json.WriteBoolean("freeText", true);
        }

        WriteStrings(json, "instruments", field.Instruments);
        WriteOptional(json, "description", field.Description);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
    }
}
