using System.Text;
using Azure;
using Azure.Storage.Queues.Models;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Ingest;

/// <summary>
/// The ingest queue on Azure Queue storage. Messages are sent Base64-encoded, the encoding
/// the Functions queue trigger expects by default (<c>extensions.queues.messageEncoding</c>);
/// received messages are decoded when they are Base64 and taken as they are otherwise (an
/// event's JSON text is never valid Base64: it starts with <c>{</c> or <c>[</c>), so events
/// written by either side are read alike.
/// </summary>
public sealed class QueueIngestEventQueue(RegistryStorageClients clients) : IIngestEventQueue
{
    /// <summary>The most messages one receive can take (the service's limit).</summary>
    public const int MaxMessagesPerReceive = 32;

    /// <inheritdoc />
    public async Task SendAsync(string messageText, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageText);
        await clients.IngestQueue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(messageText)), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IngestQueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxMessagesPerReceive);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.FromSeconds(1));
        QueueMessage[] messages = await clients.IngestQueue.ReceiveMessagesAsync(maxMessages, visibilityTimeout, cancellationToken);
        return [.. messages.Select(m => new IngestQueueMessage(m.MessageId, m.PopReceipt, Decode(m.Body.ToString()), m.DequeueCount))];
    }

    /// <inheritdoc />
    /// <remarks>A message already deleted (or whose pop receipt expired and was taken again) is not an error.</remarks>
    public async Task DeleteAsync(IngestQueueMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await clients.IngestQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException failed) when (failed.IsNotFound())
        {
        }
    }

    /// <inheritdoc />
    public async Task MoveToPoisonAsync(IngestQueueMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await clients.IngestPoisonQueue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(message.Text)), cancellationToken);
        await DeleteAsync(message, cancellationToken);
    }

    private static string Decode(string body)
    {
        var trimmed = body.AsSpan().Trim();
        if (trimmed.IsEmpty || trimmed[0] is '{' or '[')
        {
            return body;
        }

        var buffer = new byte[(trimmed.Length * 3 / 4) + 3];
        return Convert.TryFromBase64Chars(trimmed, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : body;
    }
}
