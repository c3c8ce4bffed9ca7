using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Domain.Dictionary;

/// <summary>
/// Reads the dictionary JSON and checks it is internally consistent (unique REDCap-legal
/// codes, every reference resolves), so a broken dictionary fails at start-up, not mid-batch.
/// </summary>
internal static partial class DataDictionaryLoader
{
    private const string ResourceName = "SpineMetsRegistry.Domain.Dictionary.data-dictionary.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,

        // A missing or null section/property is a defect to report, not a null to trip on
        // later: the DTOs give defaults only to the properties that are truly optional.
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static DataDictionary LoadEmbedded()
    {
        using var stream = typeof(DataDictionaryLoader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        var result = Load(stream);
        return result.Value
            ?? throw new InvalidOperationException("The shipped data dictionary is invalid: " + string.Join("; ", result.Errors));
    }

    public static DictionaryLoadResult Load(Stream json)
    {
        DictionaryDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<DictionaryDocument>(json, Options);
        }
        catch (JsonException exception)
        {
            return DictionaryLoadResult.Failure([$"The dictionary is not valid JSON: {exception.Message}"]);
        }

        if (document is null)
        {
            return DictionaryLoadResult.Failure(["The dictionary is empty."]);
        }

        // Nullable annotations do not reach list elements, so a null entry is checked here.
        var nullEntries = new List<string>();
        if (document.RecordTypes.Any(r => r is null))
        {
            nullEntries.Add("recordTypes");
        }

        if (document.Fields.Any(f => f is null))
        {
            nullEntries.Add("fields");
        }

        if (document.Rules.Any(r => r is null))
        {
            nullEntries.Add("rules");
        }

        nullEntries.AddRange(document.CodeLists.Where(pair => pair.Value is null || pair.Value.Any(e => e is null)).Select(pair => "codeLists." + pair.Key));
        if (nullEntries.Count > 0)
        {
            return DictionaryLoadResult.Failure(nullEntries.Select(section => $"The dictionary's {section} contains a null entry.").ToList());
        }

        var errors = new List<string>();
        foreach (var (name, entries) in document.CodeLists)
        {
            // Codes match ignoring case, so "A" and "a" would make a value ambiguous.
            foreach (var duplicate in entries.GroupBy(e => e.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                errors.Add($"Code list {name} defines code {duplicate.Key} more than once (codes are matched ignoring case).");
            }
        }

        foreach (var duplicate in document.RecordTypes.GroupBy(r => r.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"Record type {duplicate.Key} is defined more than once.");
        }

        var codeLists = document.CodeLists.Select(pair => new CodeList(
            pair.Key,
            pair.Value.DistinctBy(e => e.Code, StringComparer.OrdinalIgnoreCase).Select(e => new CodeListEntry(e.Code, e.Label)).ToList())).ToList();
        var codeListsByName = codeLists.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var recordTypes = document.RecordTypes.DistinctBy(r => r.Code, StringComparer.Ordinal).Select(r => new RecordTypeDefinition(r.Code, r.Label, r.Description ?? string.Empty)).ToList();
        var recordTypeCodes = recordTypes.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);

        var fields = new List<FieldDefinition>();
        foreach (var dto in document.Fields)
        {
            CodeList? codeList = null;
            if (dto.CodeList is not null && !codeListsByName.TryGetValue(dto.CodeList, out codeList))
            {
                errors.Add($"Field {dto.Code} refers to unknown code list {dto.CodeList}.");
            }

            if (dto.Type is FieldType.Code or FieldType.LevelList && codeList is null)
            {
                errors.Add($"Field {dto.Code} of type {dto.Type} needs a code list.");
            }

            fields.Add(new FieldDefinition
            {
                Code = dto.Code,
                Label = dto.Label,
                Type = dto.Type,
                RecordTypes = dto.RecordTypes,
                Requirement = ToRequirement(dto.Requirement),
                Description = dto.Description,
                Unit = dto.Unit,
                Min = dto.Min,
                Max = dto.Max,
                Step = dto.Step,
                MaxWhen = (dto.MaxWhen ?? []).Select(m => new ConditionalMaximum(new FieldCondition(m.Field, m.In), m.Max)).ToList(),
                TopCode = dto.TopCode,
                MaxLength = dto.MaxLength,
                CodeList = codeList,
                FreeText = dto.FreeText,
                Instruments = dto.Instruments ?? [],
            });
        }

        var rules = document.Rules.Select(r => new DictionaryRule(
            r.Code, r.Kind, r.RecordTypes, r.Fields, string.Equals(r.Severity, "error", StringComparison.Ordinal), r.Message)).ToList();

        errors.AddRange(Check(recordTypeCodes, fields, rules));
        return errors.Count > 0
            ? DictionaryLoadResult.Failure(errors)
            : DictionaryLoadResult.Success(new DataDictionary(document.Name, document.Version, recordTypes, codeLists, fields, rules));
    }

    private static FieldRequirement ToRequirement(RequirementDto dto) => new(
        dto.Level,
        dto.ByRecordType ?? new Dictionary<string, RequirementLevel>(),
        dto.When is null ? null : new FieldCondition(dto.When.Field, dto.When.In, dto.When.RecordTypes),
        dto.Otherwise ?? RequirementLevel.Optional,
        dto.Unless,
        dto.WhenAnyPresent ?? []);

    private static IEnumerable<string> Check(HashSet<string> recordTypes, List<FieldDefinition> fields, List<DictionaryRule> rules)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!codes.Add(field.Code))
            {
                yield return $"Field code {field.Code} is defined twice.";
            }

            // REDCap variable names: lower-case letters, digits and underscores, starting with a letter.
            if (!RedcapVariableName().IsMatch(field.Code))
            {
                yield return $"Field code {field.Code} is not a valid REDCap variable name.";
            }

            foreach (var recordType in field.RecordTypes.Where(r => !recordTypes.Contains(r)))
            {
                yield return $"Field {field.Code} refers to unknown record type {recordType}.";
            }

            if (field.Min > field.Max)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"Field {field.Code} has min {field.Min} above max {field.Max}.");
            }
        }

        foreach (var field in fields)
        {
            var referenced = new List<string>();
            if (field.Requirement.When is { } when)
            {
                referenced.Add(when.Field);
            }

            if (field.Requirement.Unless is { } unless)
            {
                referenced.Add(unless);
            }

            referenced.AddRange(field.Requirement.WhenAnyPresent);
            referenced.AddRange(field.MaxWhen.Select(m => m.Condition.Field));
            foreach (var reference in referenced.Where(r => !codes.Contains(r)))
            {
                yield return $"Field {field.Code} refers to unknown field {reference}.";
            }
        }

        foreach (var rule in rules)
        {
            foreach (var reference in rule.Fields.Where(r => !codes.Contains(r)))
            {
                yield return $"Rule {rule.Code} refers to unknown field {reference}.";
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,25}$")]
    private static partial Regex RedcapVariableName();

    private sealed record DictionaryDocument(
        string Name,
        string Version,
        List<RecordTypeDto> RecordTypes,
        Dictionary<string, List<CodeEntryDto>> CodeLists,
        List<FieldDto> Fields,
        List<RuleDto> Rules,
        string? Released = null);

    private sealed record RecordTypeDto(string Code, string Label, string? Description = null);

    private sealed record CodeEntryDto(string Code, string Label);

    private sealed record ConditionDto(string Field, List<string> In, List<string>? RecordTypes = null);

    private sealed record MaxWhenDto(string Field, List<string> In, decimal Max);

    private sealed record RequirementDto(
        RequirementLevel Level,
        Dictionary<string, RequirementLevel>? ByRecordType = null,
        ConditionDto? When = null,
        RequirementLevel? Otherwise = null,
        string? Unless = null,
        List<string>? WhenAnyPresent = null);

    private sealed record FieldDto(
        string Code,
        string Label,
        FieldType Type,
        List<string> RecordTypes,
        RequirementDto Requirement,
        string? Description = null,
        string? Unit = null,
        decimal? Min = null,
        decimal? Max = null,
        decimal? Step = null,
        List<MaxWhenDto>? MaxWhen = null,
        string? TopCode = null,
        int? MaxLength = null,
        string? CodeList = null,
        bool FreeText = false,
        List<string>? Instruments = null);

    private sealed record RuleDto(string Code, DictionaryRuleKind Kind, List<string> RecordTypes, List<string> Fields, string Severity, string Message);
}
