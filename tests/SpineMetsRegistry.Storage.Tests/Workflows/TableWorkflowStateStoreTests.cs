using SpineMetsRegistry.Pipeline.Workflows;
using SpineMetsRegistry.Storage.Tables;
using SpineMetsRegistry.Storage.Tests.Support;
using SpineMetsRegistry.Storage.Workflows;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.Workflows;

[Collection(AzuriteCollection.Name)]
public sealed class TableWorkflowStateStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TryCreateAsync_NewThenExisting_TrueThenFalseAndFirstKept()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableWorkflowStateStore(context.Clients);
        var instance = Instance("ingest-S01-visits-1-0123456789abcdef");

        Assert.True(await store.TryCreateAsync(instance));
        Assert.False(await store.TryCreateAsync(instance with { InputJson = """{"other":true}""" }));

        Assert.Equal(instance, await store.GetAsync(instance.InstanceId));
        Assert.Null(await store.GetAsync("ingest-S01-unknown"));
    }

    [Fact]
    public async Task TryCreateAsync_FinishedInstanceCreatedAgain_FalseAndNoRunningMarkerLeft()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableWorkflowStateStore(context.Clients);
        var instance = Instance("ingest-S01-visits-1-0123456789abcdef");
        await store.TryCreateAsync(instance);
        await store.FinishAsync(instance.InstanceId, WorkflowStatus.Completed, "{}", null, Start.AddMinutes(1));

        // An identical re-upload asks to create the same instance again.
        Assert.False(await store.TryCreateAsync(instance));

        Assert.Empty(await context.RowsAsync(RegistryTables.WorkflowsRunning));
        Assert.Equal(WorkflowStatus.Completed, (await store.GetAsync(instance.InstanceId))!.Status);
    }

    [Fact]
    public async Task SaveStepAsync_StepsSavedRepeatedly_OneRowPerSequenceInOrder()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableWorkflowStateStore(context.Clients);
        var instance = Instance("wf-1");
        await store.TryCreateAsync(instance);
        var receive = new WorkflowStep(0, "Receive", """{"blob":"intake/S01/abc.csv","bytes":1234}""", Start.AddSeconds(1));
        var validate = new WorkflowStep(1, "Validate", """{"accepted":118}""", Start.AddSeconds(2));
        var resultLongerThanOneProperty = new WorkflowStep(10, "StoreChunk", "\"" + new string('r', 70_000) + "\"", Start.AddSeconds(3));

        await store.SaveStepAsync(instance.InstanceId, validate);
        await store.SaveStepAsync(instance.InstanceId, receive);
        await store.SaveStepAsync(instance.InstanceId, resultLongerThanOneProperty);
        await store.SaveStepAsync(instance.InstanceId, validate);

        Assert.Equal([receive, validate, resultLongerThanOneProperty], await store.GetStepsAsync(instance.InstanceId));
        Assert.Empty(await store.GetStepsAsync("wf-other"));
        Assert.Equal(4, (await context.RowsAsync(RegistryTables.Workflows)).Count);
    }

    [Fact]
    public async Task ListRunningAsync_AfterFinish_OnlyUnfinishedInstancesWithTheirResumeData()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableWorkflowStateStore(context.Clients);
        var done = Instance("wf-done");
        var failed = Instance("wf-failed");
        var running = Instance("wf-running");
        foreach (var instance in new[] { done, failed, running })
        {
            await store.TryCreateAsync(instance);
        }

        await store.SaveStepAsync(running.InstanceId, new WorkflowStep(0, "Receive", "{}", Start.AddSeconds(1)));
        await store.FinishAsync(done.InstanceId, WorkflowStatus.Completed, """{"stored":120}""", null, Start.AddMinutes(1));
        await store.FinishAsync(failed.InstanceId, WorkflowStatus.Failed, null, "RequestFailedException: 503", Start.AddMinutes(2));

        var resumable = await store.ListRunningAsync().ToListAsync();

        Assert.Equal([running], resumable);
        Assert.Single(await store.GetStepsAsync(resumable[0].InstanceId));
        var finished = await store.GetAsync(done.InstanceId);
        Assert.Equal(done with { Status = WorkflowStatus.Completed, OutputJson = """{"stored":120}""", UpdatedAt = Start.AddMinutes(1) }, finished);
        Assert.Equal("RequestFailedException: 503", (await store.GetAsync(failed.InstanceId))!.Failure);
    }

    [Fact]
    public async Task ListRunningAsync_MarkerLeftByCrashAfterFinish_InstanceNotListedAndMarkerRemoved()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableWorkflowStateStore(context.Clients);
        var instance = Instance("wf-1");
        await store.TryCreateAsync(instance);
        await store.FinishAsync(instance.InstanceId, WorkflowStatus.Completed, "{}", null, Start.AddMinutes(1));

        // The process died after finishing the instance but before removing its marker.
        await context.RawTable(RegistryTables.WorkflowsRunning).UpsertEntityAsync(new Azure.Data.Tables.TableEntity("running", "wf-1") { ["InstanceId"] = "wf-1" });

        Assert.Empty(await store.ListRunningAsync().ToListAsync());
        Assert.Empty(await context.RowsAsync(RegistryTables.WorkflowsRunning));
    }

    [Fact]
    public async Task FinishAsync_UnknownInstance_Throws()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableWorkflowStateStore(context.Clients);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.FinishAsync("wf-missing", WorkflowStatus.Completed, null, null, Start));
    }

    private static WorkflowInstance Instance(string id) =>
        new(id, "ingest", """{"site":"S01","blob":"incoming/visits-1.csv"}""", WorkflowStatus.Running, Start, Start, null, null);
}
