using SpineMetsRegistry.Pipeline.Workflows;
using SpineMetsRegistry.Pipeline.Workflows.Durable;

namespace SpineMetsRegistry.LocalHost.Engine;

/// <summary>Runs the engine's worker for as long as the host runs.</summary>
internal sealed class EngineWorkerService(LocalEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => engine.StartWorkerAsync();

    public Task StopAsync(CancellationToken cancellationToken) => engine.StopWorkerAsync(forced: false);
}

/// <summary>Ingest starts on the local engine: the same deduplicating start the Functions app uses.</summary>
internal static class EngineWorkflowStarter
{
    public static IWorkflowStarter Create(LocalEngine engine) => new DurableWorkflowStarter(new EngineOrchestrationClient(engine));
}
