using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SpineMetsRegistry.Domain.Csv;

namespace SpineMetsRegistry.Domain.FollowUp;

/// <summary>
/// The two forms a reminder digest is written in: JSON (for programs, also the HTTP API's
/// form of a reminder) and CSV (for a spreadsheet). UTF-8 without a byte order mark, LF
/// line ends, dates as YYYY-MM-DD, states in lower case.
/// </summary>
public static class ReminderDigestFormats
{
    /// <summary>The CSV header.</summary>
    public const string CsvHeader = "study_id,time_point,state,window_opens,target_date,window_closes,days_until_window_opens,days_remaining,days_overdue,received_day,outside_window";

    /// <summary>JSON options: camelCase, states as lower-case strings, nulls left out, indented.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>The digest as JSON bytes.</summary>
    public static byte[] ToJson(ReminderDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return JsonSerializer.SerializeToUtf8Bytes(digest, JsonOptions);
    }

    /// <summary>Reads a digest written by <see cref="ToJson"/>.</summary>
    public static ReminderDigest FromJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<ReminderDigest>(json, JsonOptions) ?? throw new JsonException("An empty reminder digest.");

    /// <summary>The digest as CSV bytes: the header and one row per reminder.</summary>
    public static byte[] ToCsv(ReminderDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvRowWriter(text);
        csv.WriteRow(CsvHeader.Split(','));
        foreach (var r in digest.Reminders)
        {
            csv.WriteRow(
            [
                r.StudyId,
                r.TimePoint,
                StateCode(r.State),
                Day(r.WindowOpens),
                Day(r.TargetDate),
                Day(r.WindowCloses),
                Number(r.DaysUntilWindowOpens),
                Number(r.DaysRemaining),
                Number(r.DaysOverdue),
                Number(r.ReceivedDay),
                r.OutsideWindow ? "yes" : "no",
            ]);
        }

        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    /// <summary>A state as written in digests ("missed", "overdue", "due", "upcoming", "completed"...).</summary>
    public static string StateCode(VisitState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
