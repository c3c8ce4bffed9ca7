using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using SpineMetsRegistry.FunctionApp.Ingest;
using SpineMetsRegistry.Pipeline.Ingest.Orchestration;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Testing;

namespace SpineMetsRegistry.FunctionApp.Tests.Ingest;

/// <summary>
/// The batch API's progress in Azure: read from the orchestration's custom status through the
/// invocation's durable client, here a real <see cref="DurableTaskClient"/> of the Durable Task
/// SDK's in-process test host (no Functions host needed).
/// </summary>
public sealed class InvocationIngestProgressTests
{
    private const string Holding = "HoldAtStore";
    private static readonly BatchKey Key = BatchKey.Create("S01", "progress-1", new string('a', 64));
    private static readonly IngestProgress Storing = new(IngestSteps.Store, 3, 8);

    [Fact]
    public async Task GetAsync_RunningOrchestration_ItsCustomStatusThroughTheInvocationsClientOnly()
    {
        await using var host = await DurableTaskTestHost.StartAsync(registry => registry.AddOrchestratorFunc<object?, bool>(Holding, async (context, _) =>
        {
            context.SetCustomStatus(Storing);
            return await context.WaitForExternalEvent<bool>("go");
        }), new DurableTaskTestHostOptions { Port = LoopbackPort.Free() });
        await host.Client.ScheduleNewOrchestrationInstanceAsync(Holding, new StartOrchestrationOptions { InstanceId = Key.InstanceId });
        await WaitForCustomStatusAsync(host.Client);
        var progress = new InvocationIngestProgress();

        IngestProgress? inside;
        using (InvocationIngestProgress.Use(host.Client))
        {
            inside = await progress.GetAsync(Key);
        }

        Assert.Equal(Storing, inside);
        Assert.Null(await progress.GetAsync(Key));
    }

    [Fact]
    public async Task GetAsync_FinishedOrchestration_NoProgress()
    {
        await using var host = await DurableTaskTestHost.StartAsync(registry => registry.AddOrchestratorFunc<object?, bool>(Holding, async (context, _) =>
        {
            context.SetCustomStatus(Storing);
            return await context.WaitForExternalEvent<bool>("go");
        }), new DurableTaskTestHostOptions { Port = LoopbackPort.Free() });
        await host.Client.ScheduleNewOrchestrationInstanceAsync(Holding, new StartOrchestrationOptions { InstanceId = Key.InstanceId });
        await WaitForCustomStatusAsync(host.Client);
        await host.Client.RaiseEventAsync(Key.InstanceId, "go", true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.Client.WaitForInstanceCompletionAsync(Key.InstanceId, timeout.Token);

        using (InvocationIngestProgress.Use(host.Client))
        {
            Assert.Null(await new InvocationIngestProgress().GetAsync(Key));
        }
    }

    private static async Task WaitForCustomStatusAsync(DurableTaskClient client)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while ((await client.GetInstanceAsync(Key.InstanceId, getInputsAndOutputs: true))?.SerializedCustomStatus is null)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The orchestration never set its custom status.");
            await Task.Delay(50);
        }
    }
}
