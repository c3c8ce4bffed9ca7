using System.Text.Json;
using System.Text.Json.Serialization;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// A validated record in a staging chunk: canonical values after the date policy, plus
/// the site's own index date for the follow-up schedule (the only place it is kept under
/// SafeHarbor).
/// </summary>
public sealed record StagedRecord
{
    /// <summary>"enrollment", "followup" or "withdrawal".</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>Study ID.</summary>
    [JsonPropertyName("studyId")]
    public required string StudyId { get; init; }

    /// <summary>The row in the batch file.</summary>
    [JsonPropertyName("row")]
    public required int Row { get; init; }

    /// <summary>Canonical values by field code.</summary>
    [JsonPropertyName("values")]
    public required Dictionary<string, string> Values { get; init; }

    /// <summary>Values derived by the registry that are not dictionary fields (e.g. index_year under SafeHarbor).</summary>
    [JsonPropertyName("derived")]
    public Dictionary<string, string>? Derived { get; init; }

    /// <summary>The site's index date (enrollments), for the schedule only.</summary>
    [JsonPropertyName("scheduleIndexDate")]
    public string? ScheduleIndexDate { get; init; }

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Serializes to one JSON line.</summary>
    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads one JSON line.</summary>
    public static StagedRecord FromJsonLine(string line) =>
        JsonSerializer.Deserialize<StagedRecord>(line, Json) ?? throw new InvalidDataException("An empty staging line.");

    /// <summary>Re-types the canonical values with the dictionary (they were validated, so every value parses).</summary>
    public RegistryRecord ToRecord(DataDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        if (!RecordKinds.TryParse(Kind, out var kind))
        {
            throw new InvalidDataException($"Unknown staged record kind {Kind}.");
        }

        var typed = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (code, text) in Values)
        {
            var parsed = FieldValueParser.Parse(dictionary.Field(code), text);
            typed[code] = parsed.IsSuccess ? parsed.Value : throw new InvalidDataException($"Staged field {code} does not parse ({parsed.Error.Code}).");
        }

        return new RegistryRecord(kind, StudyId, Row, typed);
    }
}
