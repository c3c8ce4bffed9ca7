using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Pipeline.Records;

namespace SpineMetsRegistry.Storage.Tests.Support;

/// <summary>Stored records for tests, shaped like the pipeline's.</summary>
internal static class TestRecords
{
    public static readonly DateTimeOffset StoredAt = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static StoredRecord Enrollment(string site, string studyId, string? indexDate = "2025-11-03", int version = 1, string batch = "enrol-1@0123456789ab")
    {
        var values = new Dictionary<string, string>
        {
            ["record_type"] = "enrollment",
            ["study_id"] = studyId,
            ["age_at_index"] = "67",
            ["sex"] = "female",
            ["primary_tumour"] = "breast",
        };
        if (indexDate is not null)
        {
            values["index_date"] = indexDate;
        }

        return new StoredRecord
        {
            Site = site,
            Kind = RecordKind.Enrollment,
            StudyId = studyId,
            RecordKey = RecordKinds.EnrollmentCode,
            Values = values,
            Scores =
            [
                new StoredScore("sins_total", 9m, "potentially_unstable", "SINS", "2010", null, null),
                new StoredScore("eq5d_index", 0.7345m, null, "EQ-5D-5L", "5L", "EQ-5D-5L England (Devlin 2018)", null),
                new StoredScore("sosgoq_total", null, null, "SOSGOQ", "2.0", null, "not computable: 3 of 27 items missing"),
            ],
            ContentHash = Hash(studyId, "enrollment", version),
            Version = version,
            SourceBatchKey = batch,
            DictionaryVersion = "1.0.0",
            StoredAt = StoredAt,
        };
    }

    public static StoredRecord Visit(string site, string studyId, string timePoint, IReadOnlyDictionary<string, string>? extra = null, int version = 1, string batch = "visits-1@0123456789ab")
    {
        var values = new Dictionary<string, string>
        {
            ["record_type"] = "followup",
            ["study_id"] = studyId,
            ["time_point"] = timePoint,
            ["vital_status"] = "alive",
            ["nrs_pain"] = "3",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return new StoredRecord
        {
            Site = site,
            Kind = RecordKind.FollowUp,
            StudyId = studyId,
            RecordKey = timePoint,
            Values = values,
            Scores = [new StoredScore("eq5d_index", 0.812m, null, "EQ-5D-5L", "5L", "EQ-5D-5L England (Devlin 2018)", null)],
            ContentHash = Hash(studyId, timePoint, version),
            Version = version,
            SourceBatchKey = batch,
            DictionaryVersion = "1.0.0",
            StoredAt = StoredAt,
        };
    }

    public static StoredRecord Deceased(string site, string studyId, string timePoint, string? deathDay, string? deathDate)
    {
        var extra = new Dictionary<string, string> { ["vital_status"] = "deceased" };
        if (deathDay is not null)
        {
            extra["death_day"] = deathDay;
        }

        if (deathDate is not null)
        {
            extra["death_date"] = deathDate;
        }

        return Visit(site, studyId, timePoint, extra);
    }

    private static string Hash(string studyId, string key, int version) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{studyId}/{key}/{version}")));
}
