using System.Globalization;

namespace SpineMetsRegistry.Api.Http;

/// <summary>The <c>asOf</c> day of a request: written YYYY-MM-DD, today (UTC) when absent.</summary>
internal static class ApiDay
{
    public const string Expected = "asOf must be a date written YYYY-MM-DD.";

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public static bool TryRead(string? text, TimeProvider time, out DateOnly day)
    {
        if (string.IsNullOrEmpty(text))
        {
            day = Today(time);
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
