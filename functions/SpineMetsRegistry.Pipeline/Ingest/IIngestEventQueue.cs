namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>A message taken from the ingest queue.</summary>
/// <param name="MessageId">Queue message ID.</param>
/// <param name="PopReceipt">Needed to delete it.</param>
/// <param name="Text">The message text (an Event Grid event, JSON).</param>
/// <param name="DequeueCount">How often it has been taken (poison after the limit).</param>
public sealed record IngestQueueMessage(string MessageId, string PopReceipt, string Text, long DequeueCount);

/// <summary>
/// The central queue Event Grid delivers BlobCreated events to (in Azure), and the local
/// host's container watcher enqueues the same event shape to.
/// </summary>
public interface IIngestEventQueue
{
    /// <summary>Enqueues an event (JSON text).</summary>
    Task SendAsync(string messageText, CancellationToken cancellationToken = default);

    /// <summary>Takes up to <paramref name="maxMessages"/> messages, hiding them for <paramref name="visibilityTimeout"/>.</summary>
    Task<IReadOnlyList<IngestQueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Deletes a processed message.</summary>
    Task DeleteAsync(IngestQueueMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a message that failed too often to the poison queue (<c>&lt;queue&gt;-poison</c>,
    /// where the Functions host puts it too): copied there first, then deleted here, so a crash
    /// in between leaves a copy in both rather than none.
    /// </summary>
    Task MoveToPoisonAsync(IngestQueueMessage message, CancellationToken cancellationToken = default);
}
