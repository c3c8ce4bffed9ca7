using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// What one batch says about one patient's follow-up schedule: the site's index date (an
/// enrollment), the time points a follow-up reported and when, and a death. Collected from the
/// staged records by <see cref="PlanScheduleActivity"/> and kept, one JSON line per patient, in
/// the batch's schedule groups in the staging area (the index date is the site's own date, which
/// is kept nowhere else under SafeHarbor, so it stays in staging and is deleted with it).
/// </summary>
public sealed class PatientScheduleFacts
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The study ID.</summary>
    [JsonPropertyName("studyId")]
    public required string StudyId { get; init; }

    /// <summary>The site's index date, when the batch enrolls the patient.</summary>
    [JsonPropertyName("indexDate")]
    public DateOnly? IndexDate { get; set; }

    /// <summary>The scheduled time points the batch reports the patient alive at, in batch order.</summary>
    [JsonPropertyName("visits")]
    public List<ReportedVisit> Visits { get; init; } = [];

    /// <summary>The day of death (days from the index date), when the batch reports it so.</summary>
    [JsonPropertyName("deathDay")]
    public int? DeathDay { get; set; }

    /// <summary>The date of death, when the batch reports it so (under a date policy that keeps dates).</summary>
    [JsonPropertyName("deathDate")]
    public DateOnly? DeathDate { get; set; }

    /// <summary>Adds what one staged record says (withdrawals are not schedule facts: the store step removed the schedule).</summary>
    public void Add(StagedRecord staged)
    {
        ArgumentNullException.ThrowIfNull(staged);
        if (staged.Kind == RecordKinds.EnrollmentCode && staged.ScheduleIndexDate is { } index)
        {
            IndexDate = ParseDate(index);
            return;
        }

        var values = staged.Values;
        var deceased = values.TryGetValue("vital_status", out var status) && status == "deceased";
        if (values.TryGetValue("time_point", out var timePoint) && timePoint != RegistryRecord.UnscheduledTimePoint && status is not null && !deceased)
        {
            Visits.Add(new ReportedVisit(timePoint, Int(values, "visit_day"), Date(values, "visit_date")));
        }

        if (deceased)
        {
            DeathDay ??= Int(values, "death_day");
            DeathDate ??= Date(values, "death_date");
        }
    }

    /// <summary>
    /// Adds what a later part of the same batch said about the same patient, so facts collected
    /// apart (<see cref="PatientScheduleFactsSorter"/>'s runs) combine exactly as if collected in
    /// one pass: the last index date given, the visits in batch order, the first death.
    /// </summary>
    /// <param name="later">The patient's facts from records after every record these facts hold.</param>
    public void Append(PatientScheduleFacts later)
    {
        ArgumentNullException.ThrowIfNull(later);
        if (!string.Equals(later.StudyId, StudyId, StringComparison.Ordinal))
        {
            throw new ArgumentException("Only the same patient's facts combine.", nameof(later));
        }

        IndexDate = later.IndexDate ?? IndexDate;
        Visits.AddRange(later.Visits);
        DeathDay ??= later.DeathDay;
        DeathDate ??= later.DeathDate;
    }

    /// <summary>
    /// The schedule update these facts make to the patient's <paramref name="current"/> visits:
    /// dates become days from the index date (the batch's, or else the stored schedule's); a time
    /// point reported twice keeps its last day.
    /// </summary>
    public PatientScheduleUpdate ToUpdate(IReadOnlyList<ScheduledVisit> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var indexDate = IndexDate ?? (current.Count > 0 ? current[0].IndexDate : null);
        int? DayOf(int? day, DateOnly? date) => day ?? (date is { } d && indexDate is { } i ? d.DayNumber - i.DayNumber : null);

        var visitDays = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var visit in Visits)
        {
            if (DayOf(visit.Day, visit.Date) is { } visitDay)
            {
                visitDays[visit.TimePoint] = visitDay;
            }
        }

        return new PatientScheduleUpdate(IndexDate, visitDays, DayOf(DeathDay, DeathDate));
    }

    /// <summary>Serializes to one JSON line.</summary>
    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads one JSON line.</summary>
    public static PatientScheduleFacts FromJsonLine(string line) =>
        JsonSerializer.Deserialize<PatientScheduleFacts>(line, Json) ?? throw new InvalidDataException("An empty schedule-group line.");

    private static int? Int(Dictionary<string, string> values, string field) =>
        values.TryGetValue(field, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    private static DateOnly? Date(Dictionary<string, string> values, string field) =>
        values.TryGetValue(field, out var text) ? ParseDate(text) : null;

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A scheduled time point a batch reports, with its day (days from the index date) or its date.</summary>
/// <param name="TimePoint">The time point code.</param>
/// <param name="Day">The visit day, when given as a day.</param>
/// <param name="Date">The visit date, when given as a date.</param>
public sealed record ReportedVisit(
    [property: JsonPropertyName("timePoint")] string TimePoint,
    [property: JsonPropertyName("day")] int? Day,
    [property: JsonPropertyName("date")] DateOnly? Date);
