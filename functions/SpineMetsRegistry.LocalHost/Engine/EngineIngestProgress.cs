using DurableTask.Core;
using SpineMetsRegistry.Pipeline.Ingest.Orchestration;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.LocalHost.Engine;

/// <summary>A batch's progress from its orchestration's custom status in the local task hub.</summary>
internal sealed class EngineIngestProgress(LocalEngine engine) : IIngestProgress
{
    public async Task<IngestProgress?> GetAsync(BatchKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var state = await engine.Client.GetOrchestrationStateAsync(key.InstanceId);
        if (state is not { OrchestrationStatus: OrchestrationStatus.Running or OrchestrationStatus.Pending } || string.IsNullOrEmpty(state.Status))
        {
            return null;
        }

        return SystemTextJsonDataConverter.Instance.Deserialize<IngestProgress>(state.Status);
    }
}
