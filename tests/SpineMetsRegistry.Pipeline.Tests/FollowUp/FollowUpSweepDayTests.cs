using SpineMetsRegistry.Pipeline.FollowUp;

namespace SpineMetsRegistry.Pipeline.Tests.FollowUp;

public sealed class FollowUpSweepDayTests
{
    [Theory]
    [InlineData("2026-03-01T23:30:00-05:00", "2026-03-02")] // evening in New York is the next UTC day
    [InlineData("2026-03-02T00:30:00+02:00", "2026-03-01")] // just after midnight in Athens is still yesterday in UTC
    [InlineData("2026-03-02T00:00:00+00:00", "2026-03-02")]
    [InlineData("2026-03-01T23:59:59.9999999+00:00", "2026-03-01")]
    [InlineData("2028-02-29T06:00:00+00:00", "2028-02-29")]
    public void Of_InstantAtAnyOffset_IsItsUtcCalendarDay(string instant, string day)
    {
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), FollowUpSweepDay.Of(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
