using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

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
        var text = new StringBuilder(CsvHeader).Append('\n');
        foreach (var r in digest.Reminders)
        {
            text.Append(Quote(r.StudyId)).Append(',')
                .Append(Quote(r.TimePoint)).Append(',')
                .Append(StateCode(r.State)).Append(',')
                .Append(Day(r.WindowOpens)).Append(',')
                .Append(Day(r.TargetDate)).Append(',')
                .Append(Day(r.WindowCloses)).Append(',')
                .Append(Number(r.DaysUntilWindowOpens)).Append(',')
                .Append(Number(r.DaysRemaining)).Append(',')
                .Append(Number(r.DaysOverdue)).Append(',')
                .Append(Number(r.ReceivedDay)).Append(',')
                .Append(r.OutsideWindow ? "yes" : "no").Append('\n');
        }

        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    /// <summary>A state as written in digests ("missed", "overdue", "due", "upcoming", "completed"...).</summary>
    public static string StateCode(VisitState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Quote(string value)
    {
        // Spreadsheet formula injection: a cell starting with = + - @ is neutralised.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
