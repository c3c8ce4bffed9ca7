using Microsoft.DurableTask.Client;
using SpineMetsRegistry.Pipeline.Ingest.Orchestration;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.FunctionApp.Ingest;

/// <summary>
/// A batch's progress from its orchestration's custom status, through one invocation's
/// <see cref="DurableTaskClient"/> binding (an HTTP function that takes
/// <c>[DurableClient]</c> passes it to the API for that request).
/// </summary>
public sealed class DurableClientIngestProgress(DurableTaskClient client) : IIngestProgress
{
    /// <inheritdoc />
    public async Task<IngestProgress?> GetAsync(BatchKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var instance = await client.GetInstanceAsync(key.InstanceId, getInputsAndOutputs: true, cancellationToken);
        return instance is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending, SerializedCustomStatus: not null }
            ? instance.ReadCustomStatusAs<IngestProgress>()
            : null;
    }
}
