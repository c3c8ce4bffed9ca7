using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Domain.Outcomes;

/// <summary>A field whose missing-data rate the committee follows, on one kind of record.</summary>
/// <param name="Code">Field code (or derived score name, e.g. <c>sins_total</c>).</param>
/// <param name="Kind">The record kind that should carry it.</param>
/// <param name="AliveVisitsOnly">Only follow-up visits of living patients should carry it (PROs, ambulation, complications).</param>
public sealed record KeyField(string Code, RecordKind Kind, bool AliveVisitsOnly = false)
{
    /// <summary>The field's key in <see cref="DataQualityCounts.Missing"/>: <c>enrollment.index_date</c>, <c>followup.nrs_pain</c>.</summary>
    public string Key => (Kind == RecordKind.Enrollment ? "enrollment." : "followup.") + Code;
}

/// <summary>
/// The key fields of the registry's analyses (the committee's tables rest on them) and the
/// missing-data counts of a site's records: a field is missing when the record has neither a
/// value nor a derived score of that name (a score is missing when its inputs were incomplete).
/// </summary>
public static class DataQualityFields
{
    /// <summary>The key fields, enrollment first.</summary>
    public static IReadOnlyList<KeyField> All { get; } =
    [
        new("index_date", RecordKind.Enrollment),
        new("primary_tumour", RecordKind.Enrollment),
        new("index_treatment", RecordKind.Enrollment),
        new("ecog", RecordKind.Enrollment),
        new("asia_grade", RecordKind.Enrollment),
        new("ambulatory_status", RecordKind.Enrollment),
        new("sins_total", RecordKind.Enrollment),
        new("nesms_total", RecordKind.Enrollment),
        new("nrs_pain", RecordKind.Enrollment),
        new("eq5d_index", RecordKind.Enrollment),
        new("sosgoq_total", RecordKind.Enrollment),
        new("vital_status", RecordKind.FollowUp),
        new("nrs_pain", RecordKind.FollowUp, AliveVisitsOnly: true),
        new("eq5d_index", RecordKind.FollowUp, AliveVisitsOnly: true),
        new("sosgoq_total", RecordKind.FollowUp, AliveVisitsOnly: true),
        new("ambulatory_status", RecordKind.FollowUp, AliveVisitsOnly: true),
        new("saves_grade", RecordKind.FollowUp, AliveVisitsOnly: true),
    ];

    /// <summary>Adds the missing-data counts of a site's records.</summary>
    /// <param name="counts">Counts so far.</param>
    /// <param name="records">The site's stored records.</param>
    public static DataQualityCounts AddRecords(DataQualityCounts counts, IEnumerable<AggregationRecord> records)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            var alive = record.Value("vital_status") == "alive";
            foreach (var field in All.Where(f => f.Kind == record.Kind && (!f.AliveVisitsOnly || alive)))
            {
                var present = !string.IsNullOrWhiteSpace(record.Value(field.Code)) || record.ScoreNumber(field.Code) is not null;
                counts = counts.AddFieldValue(field.Key, missing: !present);
            }
        }

        return counts;
    }
}
