using SpineMetsRegistry.Pipeline.Workflows;
using SpineMetsRegistry.Pipeline.Workflows.Durable;

namespace SpineMetsRegistry.Pipeline.Tests.Workflows.Durable;

public sealed class StartDecisionTests
{
    // Every status and what a start must do with it.
    public static TheoryData<DurableInstanceStatus, bool, WorkflowStartResult> Table => new()
    {
        { DurableInstanceStatus.NotFound, true, WorkflowStartResult.Started },
        { DurableInstanceStatus.Pending, false, WorkflowStartResult.AlreadyRunning },
        { DurableInstanceStatus.Running, false, WorkflowStartResult.AlreadyRunning },
        { DurableInstanceStatus.Suspended, false, WorkflowStartResult.AlreadyRunning },
        { DurableInstanceStatus.Completed, false, WorkflowStartResult.AlreadyCompleted },
        { DurableInstanceStatus.Failed, true, WorkflowStartResult.Restarted },
        { DurableInstanceStatus.Terminated, true, WorkflowStartResult.Restarted },
        { DurableInstanceStatus.Other, true, WorkflowStartResult.Restarted },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void For_ExistingStatus_SchedulesAndReportsAsTabled(DurableInstanceStatus status, bool schedules, WorkflowStartResult result)
    {
        var decision = StartDecision.For(status);

        Assert.Equal(schedules, decision.Schedules);
        Assert.Equal(result, decision.Result);
    }

    [Fact]
    public void Table_EveryStatus_HasAnExpectedDecision()
    {
        // A status added to the enum must be decided here deliberately.
        var tabled = Table.Select(row => (DurableInstanceStatus)row[0]).ToHashSet();

        Assert.Equal(Enum.GetValues<DurableInstanceStatus>().ToHashSet(), tabled);
    }

    [Fact]
    public void WhenAlreadyExists_ConcurrentStartWon_IsAlreadyRunning()
    {
        Assert.Equal(WorkflowStartResult.AlreadyRunning, StartDecision.WhenAlreadyExists);
    }
}
