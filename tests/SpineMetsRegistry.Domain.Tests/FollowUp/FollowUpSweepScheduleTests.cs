using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.Domain.Tests.FollowUp;

public sealed class FollowUpSweepScheduleTests
{
    [Theory]
    [InlineData("0 0 6 * * *", "06:00:00")]
    [InlineData("0 30 23 * * *", "23:30:00")]
    [InlineData("15 5 0 * * *", "00:05:15")]
    [InlineData("  0  0  6 * * * ", "06:00:00")]
    public void Parse_DailyExpression_TheUtcTimeOfDay(string ncrontab, string at)
    {
        var schedule = FollowUpSweepSchedule.Parse(ncrontab);

        Assert.Equal(TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture), schedule!.At);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0 6 * * *")]            // five fields: no seconds
    [InlineData("0 0 6 * * 1")]          // weekly
    [InlineData("0 0 */6 * * *")]        // every six hours
    [InlineData("0 0 6,18 * * *")]       // twice a day
    [InlineData("0 0 24 * * *")]
    [InlineData("0 60 6 * * *")]
    [InlineData("-1 0 6 * * *")]
    public void Parse_NotADailyExpression_Null(string? ncrontab)
    {
        Assert.Null(FollowUpSweepSchedule.Parse(ncrontab));
    }

    [Theory]
    [InlineData("0 0 6 * * *")]
    [InlineData("0 45 21 * * *")]
    public void Ncrontab_Parsed_RoundTrips(string ncrontab)
    {
        Assert.Equal(ncrontab, FollowUpSweepSchedule.Parse(ncrontab)!.Ncrontab);
    }

    [Fact]
    public void Default_IsSixInTheMorningUtc()
    {
        Assert.Equal(new TimeOnly(6, 0), FollowUpSweepSchedule.Parse(FollowUpSweepSchedule.Default)!.At);
    }
}
