using SpineMetsRegistry.Pipeline.Tests.Support;
using SpineMetsRegistry.Pipeline.Workflows.Durable;

namespace SpineMetsRegistry.Pipeline.Tests.Workflows.Durable;

[Collection(LocalTimeZone.Collection)]
public sealed class DurableClockTests
{
    [Theory]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Unspecified)]
    [InlineData(DateTimeKind.Local)]
    public void ToWorkflowTime_HostInAnotherZone_SameTicksAsUtcWithZeroOffset(DateTimeKind kind)
    {
        // A host whose local zone is not UTC: a conversion through the local offset would show.
        using var zone = LocalTimeZone.Set("America/New_York");
        var orchestrationClock = new DateTime(2026, 3, 1, 23, 30, 15, 250, kind);

        var time = DurableClock.ToWorkflowTime(orchestrationClock);

        Assert.Equal(TimeSpan.Zero, time.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 23, 30, 15, 250, TimeSpan.Zero), time);
    }
}
