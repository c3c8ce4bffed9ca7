using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Tests.Support;
using SpineMetsRegistry.Pipeline.Workflows;
using SpineMetsRegistry.Pipeline.Workflows.Durable;

namespace SpineMetsRegistry.Pipeline.Tests.Workflows.Durable;

public sealed class DurableWorkflowStarterTests
{
    [Fact]
    public async Task StartIngestAsync_NoInstance_SchedulesTheWorkflowUnderTheRequestsInstanceId()
    {
        var client = new FakeOrchestrationClient();
        var request = IngestRequests.For();

        var result = await new DurableWorkflowStarter(client).StartIngestAsync(request);

        Assert.Equal(WorkflowStartResult.Started, result);
        var scheduled = Assert.Single(client.Scheduled);
        Assert.Equal(IngestActivityNames.Workflow, scheduled.Name);
        Assert.Equal(request.Key.InstanceId, scheduled.InstanceId);
        Assert.Same(request, scheduled.Input);
        Assert.Equal([request.Key.InstanceId], client.Queried);
    }

    [Theory]
    [InlineData(DurableInstanceStatus.Completed, WorkflowStartResult.AlreadyCompleted)]
    [InlineData(DurableInstanceStatus.Running, WorkflowStartResult.AlreadyRunning)]
    [InlineData(DurableInstanceStatus.Pending, WorkflowStartResult.AlreadyRunning)]
    [InlineData(DurableInstanceStatus.Suspended, WorkflowStartResult.AlreadyRunning)]
    public async Task StartIngestAsync_LiveOrCompletedInstance_SchedulesNothing(DurableInstanceStatus status, WorkflowStartResult expected)
    {
        var request = IngestRequests.For();
        var client = new FakeOrchestrationClient { Statuses = { [request.Key.InstanceId] = status } };

        var result = await new DurableWorkflowStarter(client).StartIngestAsync(request);

        Assert.Equal(expected, result);
        Assert.Empty(client.Scheduled);
    }

    [Theory]
    [InlineData(DurableInstanceStatus.Failed)]
    [InlineData(DurableInstanceStatus.Terminated)]
    public async Task StartIngestAsync_EndedWithoutCompleting_SchedulesAgainAndReportsRestarted(DurableInstanceStatus status)
    {
        var request = IngestRequests.For();
        var client = new FakeOrchestrationClient { Statuses = { [request.Key.InstanceId] = status } };

        var result = await new DurableWorkflowStarter(client).StartIngestAsync(request);

        Assert.Equal(WorkflowStartResult.Restarted, result);
        Assert.Equal(request.Key.InstanceId, Assert.Single(client.Scheduled).InstanceId);
    }

    [Fact]
    public async Task StartIngestAsync_TaskHubRefusesBecauseAConcurrentStartWon_ReportsAlreadyRunning()
    {
        var client = new FakeOrchestrationClient { RefuseSchedule = true };

        var result = await new DurableWorkflowStarter(client).StartIngestAsync(IngestRequests.For());

        Assert.Equal(WorkflowStartResult.AlreadyRunning, result);
    }

    [Fact]
    public async Task StartIngestAsync_SameContentReannouncedUnderAnotherETag_FindsTheSameInstance()
    {
        // An identical re-upload has a new blob version but the same bytes: one instance.
        var first = IngestRequests.For(eTag: "\"0x1\"");
        var again = IngestRequests.For(eTag: "\"0x2\"");
        var client = new FakeOrchestrationClient();
        var starter = new DurableWorkflowStarter(client);

        Assert.Equal(WorkflowStartResult.Started, await starter.StartIngestAsync(first));
        client.Statuses[first.Key.InstanceId] = DurableInstanceStatus.Completed;

        Assert.Equal(WorkflowStartResult.AlreadyCompleted, await starter.StartIngestAsync(again));
        Assert.Single(client.Scheduled);
    }

    [Fact]
    public async Task StartIngestAsync_ChangedContent_IsANewInstance()
    {
        var first = IngestRequests.For(content: "a\n");
        var corrected = IngestRequests.For(content: "b\n");
        var client = new FakeOrchestrationClient { Statuses = { [first.Key.InstanceId] = DurableInstanceStatus.Completed } };

        var result = await new DurableWorkflowStarter(client).StartIngestAsync(corrected);

        Assert.Equal(WorkflowStartResult.Started, result);
        Assert.Equal(corrected.Key.InstanceId, Assert.Single(client.Scheduled).InstanceId);
        Assert.NotEqual(first.Key.InstanceId, corrected.Key.InstanceId);
    }

    [Fact]
    public async Task StartIngestAsync_Token_ReachesBothClientCalls()
    {
        using var cancellation = new CancellationTokenSource();
        var client = new FakeOrchestrationClient();

        await new DurableWorkflowStarter(client).StartIngestAsync(IngestRequests.For(), cancellation.Token);

        Assert.Equal([cancellation.Token, cancellation.Token], client.Tokens);
    }

    private sealed class FakeOrchestrationClient : IOrchestrationClient
    {
        public Dictionary<string, DurableInstanceStatus> Statuses { get; } = new(StringComparer.Ordinal);

        public bool RefuseSchedule { get; init; }

        public List<string> Queried { get; } = [];

        public List<(string Name, object Input, string InstanceId)> Scheduled { get; } = [];

        public List<CancellationToken> Tokens { get; } = [];

        public Task<DurableInstanceStatus> GetStatusAsync(string instanceId, CancellationToken cancellationToken)
        {
            Queried.Add(instanceId);
            Tokens.Add(cancellationToken);
            return Task.FromResult(Statuses.GetValueOrDefault(instanceId, DurableInstanceStatus.NotFound));
        }

        public Task<bool> TryScheduleAsync(string orchestrationName, object input, string instanceId, CancellationToken cancellationToken)
        {
            Tokens.Add(cancellationToken);
            if (RefuseSchedule)
            {
                return Task.FromResult(false);
            }

            Scheduled.Add((orchestrationName, input, instanceId));
            return Task.FromResult(true);
        }
    }
}
