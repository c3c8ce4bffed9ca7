using Microsoft.DurableTask.Client;
using SpineMetsRegistry.Pipeline.Ingest.Orchestration;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.FunctionApp.Ingest;

/// <summary>
/// The Functions app's <see cref="IIngestProgress"/>: a batch's progress from its
/// orchestration's custom status, read through the <see cref="DurableTaskClient"/> that the
/// current invocation was bound (<c>[DurableClient]</c>; the isolated worker hands a client to a
/// function, not to the service container). An HTTP function that serves batches wraps its
/// call of the shared API in <see cref="Use"/>; the API's batch handlers ask this port as they
/// ask the local engine's, so the batch API shows progress in both hosts. Outside such a
/// call there is no client and no progress (the ledger's status still answers).
/// </summary>
public sealed class InvocationIngestProgress : IIngestProgress
{
    // Flows with the invocation's async calls and no further: concurrent invocations each see their own client.
    private static readonly AsyncLocal<DurableTaskClient?> Current = new();

    /// <summary>Makes <paramref name="client"/> the one this invocation's progress is read through, until disposed.</summary>
    public static IDisposable Use(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var previous = Current.Value;
        Current.Value = client;
        return new Restore(previous);
    }

    /// <inheritdoc />
    public Task<IngestProgress?> GetAsync(BatchKey key, CancellationToken cancellationToken = default) =>
        Current.Value is { } client
            ? new DurableClientIngestProgress(client).GetAsync(key, cancellationToken)
            : Task.FromResult<IngestProgress?>(null);

    private sealed class Restore(DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
