using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Records;

/// <summary>
/// How a record maps to a table entity. Property names:
/// <list type="bullet">
/// <item><c>v_&lt;field code&gt;</c>: each value, in canonical text form (field codes are lower-case identifiers).</item>
/// <item><c>s_&lt;score&gt;</c>: each score's numeric value as a Double, <c>k_&lt;score&gt;</c>: its category;
/// typed copies for queries and tools, written only when the score has them.</item>
/// <item><c>Scores</c>: every score with its provenance as JSON: the exact values read back come from here.</item>
/// <item>PascalCase names for metadata (<c>Site</c>, <c>Kind</c>, <c>StudyId</c>, <c>RecordKey</c>, <c>ContentHash</c>,
/// <c>Version</c>, <c>SourceBatchKey</c>, <c>DictionaryVersion</c>, <c>StoredAt</c>): they can never collide with
/// the lower-case prefixed names.</item>
/// </list>
/// </summary>
internal static class RecordRows
{
    public const string ValuePrefix = "v_";
    public const string ScoreValuePrefix = "s_";
    public const string ScoreCategoryPrefix = "k_";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Whether a record lives in the enrollments table (else visits).</summary>
    public static bool IsEnrollment(RecordId id) => id.RecordKey == RecordKinds.EnrollmentCode;

    public static string PartitionOf(string site) => TableKey.Of(site);

    public static string RowOf(RecordId id) =>
        IsEnrollment(id) ? TableKey.Of(id.StudyId) : TableKey.Of(id.StudyId, id.RecordKey);

    public static string VersionPartitionOf(string site, string studyId) => TableKey.Of(site, studyId);

    public static string VersionRowOf(string recordKey, int version) =>
        TableKey.Of(recordKey, version.ToString("D6", CultureInfo.InvariantCulture));

    public static TableEntity ToEntity(StoredRecord record)
    {
        var entity = new TableEntity(PartitionOf(record.Site), RowOf(record.Id))
        {
            ["Site"] = record.Site,
            ["Kind"] = record.Kind.ToCode(),
            ["StudyId"] = record.StudyId,
            ["RecordKey"] = record.RecordKey,
            ["ContentHash"] = record.ContentHash,
            ["Version"] = record.Version,
            ["SourceBatchKey"] = record.SourceBatchKey,
            ["DictionaryVersion"] = record.DictionaryVersion,
            ["StoredAt"] = record.StoredAt,
        };
        foreach (var (code, value) in record.Values)
        {
            entity[ValuePrefix + code] = value;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var score in record.Scores)
        {
            if (!names.Add(score.Name))
            {
                throw new ArgumentException($"Record {record.RecordKey} of study ID {record.StudyId} carries score '{score.Name}' twice.", nameof(record));
            }

            entity.SetIfPresent(ScoreValuePrefix + score.Name, score.Value is { } value ? (double)value : null);
            entity.SetIfPresent(ScoreCategoryPrefix + score.Name, score.Category);
        }

        LongText.Write(entity, "Scores", JsonSerializer.Serialize(record.Scores, Json));
        return entity;
    }

    public static StoredRecord FromEntity(TableEntity entity)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in entity)
        {
            if (name.StartsWith(ValuePrefix, StringComparison.Ordinal) && value is string text)
            {
                values[name[ValuePrefix.Length..]] = text;
            }
        }

        var kindCode = entity.RequireString("Kind");
        return new StoredRecord
        {
            Site = entity.RequireString("Site"),
            Kind = RecordKinds.TryParse(kindCode, out var kind) ? kind : throw new InvalidOperationException($"Stored record kind '{kindCode}' is unknown."),
            StudyId = entity.RequireString("StudyId"),
            RecordKey = entity.RequireString("RecordKey"),
            Values = values,
            Scores = JsonSerializer.Deserialize<List<StoredScore>>(LongText.Read(entity, "Scores") ?? "[]", Json) ?? [],
            ContentHash = entity.RequireString("ContentHash"),
            Version = entity.RequireInt32("Version"),
            SourceBatchKey = entity.RequireString("SourceBatchKey"),
            DictionaryVersion = entity.RequireString("DictionaryVersion"),
            StoredAt = entity.RequireDateTimeOffset("StoredAt"),
        };
    }

    public static readonly string[] StateColumns = ["ContentHash", "Version", "SourceBatchKey"];

    public static StoredRecordState StateOf(TableEntity entity) =>
        new(entity.RequireString("ContentHash"), entity.RequireInt32("Version"), entity.RequireString("SourceBatchKey"));

    public static TableEntity ToVersion(StoredRecord record) =>
        new(VersionPartitionOf(record.Site, record.StudyId), VersionRowOf(record.RecordKey, record.Version))
        {
            ["Site"] = record.Site,
            ["StudyId"] = record.StudyId,
            ["RecordKey"] = record.RecordKey,
            ["Version"] = record.Version,
            ["ContentHash"] = record.ContentHash,
            ["BatchKey"] = record.SourceBatchKey,
            ["At"] = record.StoredAt,
        };

    public static RecordVersion FromVersion(TableEntity entity) =>
        new(
            new RecordId(entity.RequireString("StudyId"), entity.RequireString("RecordKey")),
            entity.RequireInt32("Version"),
            entity.RequireString("ContentHash"),
            entity.RequireString("BatchKey"),
            entity.RequireDateTimeOffset("At"));
}
