using SpineMetsRegistry.Pipeline.Workflows;
using SpineMetsRegistry.Pipeline.Workflows.Durable;

namespace SpineMetsRegistry.Pipeline.Tests.Workflows.Durable;

public sealed class DurableRetrySettingsTests
{
    [Fact]
    public void From_DefaultPolicy_FiveAttemptsFromTwoSecondsDoublingCappedAtAMinute()
    {
        var settings = DurableRetrySettings.From(WorkflowRetryPolicy.Default);

        Assert.Equal(new DurableRetrySettings(5, TimeSpan.FromSeconds(2), 2.0, TimeSpan.FromMinutes(1), null), settings);
    }

    [Fact]
    public void From_AnyValidPolicy_CarriesEveryNumberUnchanged()
    {
        var policy = new WorkflowRetryPolicy(3, TimeSpan.FromMilliseconds(1500), 1.5, TimeSpan.FromSeconds(40));

        var settings = DurableRetrySettings.From(policy);

        Assert.Equal(3, settings.MaxNumberOfAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), settings.FirstRetryInterval);
        Assert.Equal(1.5, settings.BackoffCoefficient);
        Assert.Equal(TimeSpan.FromSeconds(40), settings.MaxRetryInterval);
        Assert.Null(settings.RetryTimeout);
    }

    [Fact]
    public void From_BoundaryValuesDurableAccepts_AreAccepted()
    {
        var policy = new WorkflowRetryPolicy(1, TimeSpan.FromTicks(1), 1.0, TimeSpan.FromTicks(1));

        var settings = DurableRetrySettings.From(policy);

        Assert.Equal(1, settings.MaxNumberOfAttempts);
        Assert.Equal(1.0, settings.BackoffCoefficient);
        Assert.Equal(settings.FirstRetryInterval, settings.MaxRetryInterval);
    }

    public static TheoryData<WorkflowRetryPolicy> PoliciesDurableRejects => new()
    {
        new WorkflowRetryPolicy(0, TimeSpan.FromSeconds(2), 2.0, TimeSpan.FromMinutes(1)),
        new WorkflowRetryPolicy(-1, TimeSpan.FromSeconds(2), 2.0, TimeSpan.FromMinutes(1)),
        new WorkflowRetryPolicy(5, TimeSpan.Zero, 2.0, TimeSpan.FromMinutes(1)),
        new WorkflowRetryPolicy(5, TimeSpan.FromSeconds(-1), 2.0, TimeSpan.FromMinutes(1)),
        new WorkflowRetryPolicy(5, TimeSpan.FromSeconds(2), 0.99, TimeSpan.FromMinutes(1)),
        new WorkflowRetryPolicy(5, TimeSpan.FromSeconds(2), double.NaN, TimeSpan.FromMinutes(1)),
        new WorkflowRetryPolicy(5, TimeSpan.FromSeconds(2), 2.0, TimeSpan.FromSeconds(1)),
    };

    [Theory]
    [MemberData(nameof(PoliciesDurableRejects))]
    public void From_PolicyDurablesRetryPolicyWouldReject_Throws(WorkflowRetryPolicy policy)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DurableRetrySettings.From(policy));
    }
}
