using System.Globalization;
using SpineMetsRegistry.Domain.Deidentification;
using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// Applies the registry's date policy to a validated record before it is staged. Under a
/// limited data set dates are kept as sent. Under SafeHarbor every date is reduced: the index
/// date to its year (the exact date goes only to the site's follow-up schedule), visit and
/// death dates to days from the index treatment, the withdrawal date is dropped.
/// </summary>
public sealed class DatePolicyNormaliser(DatePolicy policy, Func<string, DateOnly?> indexDateOf)
{
    /// <summary>The staged form of a record.</summary>
    public StagedRecord Stage(RegistryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var values = record.Values.ToDictionary(v => v.Key, v => FieldValues.ToCanonical(v.Value), StringComparer.Ordinal);
        var scheduleIndexDate = record.Kind == RecordKind.Enrollment ? record.GetDate("index_date") : null;
        Dictionary<string, string>? derived = null;

        if (policy == DatePolicy.SafeHarbor)
        {
            switch (record.Kind)
            {
                case RecordKind.Enrollment when scheduleIndexDate is { } indexDate:
                    values.Remove("index_date");
                    derived = new Dictionary<string, string>(StringComparer.Ordinal) { ["index_year"] = indexDate.Year.ToString(CultureInfo.InvariantCulture) };
                    break;
                case RecordKind.FollowUp:
                    ToDays(record, values, "visit_date", "visit_day");
                    ToDays(record, values, "death_date", "death_day");
                    break;
                case RecordKind.Withdrawal:
                    values.Remove("withdrawal_date");
                    break;
            }
        }

        return new StagedRecord
        {
            Kind = record.Kind.ToCode(),
            StudyId = record.StudyId,
            Row = record.Row,
            Values = values,
            Derived = derived,
            ScheduleIndexDate = scheduleIndexDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    private void ToDays(RegistryRecord record, Dictionary<string, string> values, string dateField, string dayField)
    {
        if (record.GetDate(dateField) is not { } date)
        {
            return;
        }

        values.Remove(dateField);
        if (values.ContainsKey(dayField))
        {
            return;
        }

        // Validation refuses a SafeHarbor batch whose visit dates cannot be converted, so a
        // missing index date here is a defect of the pipeline, never of the batch.
        var indexDate = indexDateOf(record.StudyId)
            ?? throw new InvalidOperationException($"Row {record.Row}: no index date to convert {dateField} under the SafeHarbor policy.");
        values[dayField] = (date.DayNumber - indexDate.DayNumber).ToString(CultureInfo.InvariantCulture);
    }
}
