using System.Collections.Concurrent;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Workflows;

namespace SpineMetsRegistry.LocalHost.Ingest;

/// <summary>
/// The local counterpart of the Functions queue trigger: takes BlobCreated events from the
/// ingest queue and starts the ingest orchestration on the local engine for each (the engine
/// runs it; every worker process sharing the storage takes messages). A message taken more
/// than <see cref="MaxDequeueCount"/> times is moved to the poison queue with its last failure
/// logged, as the Functions host does with host.json's maxDequeueCount. A message that can
/// never be processed (<see cref="UnprocessableEvents"/>) is moved there at once, its reason
/// logged as an error: nothing is dropped silently.
/// </summary>
internal sealed partial class IngestQueueProcessor(
    IIngestEventQueue queue,
    IngestStarter starter,
    IWorkflowStarter workflows,
    UnprocessableEvents unprocessable,
    ILogger<IngestQueueProcessor> logger) : BackgroundService
{
    /// <summary>host.json extensions.queues.maxDequeueCount.</summary>
    public const int MaxDequeueCount = 5;

    // host.json extensions.queues.visibilityTimeout: how long a message that failed (or whose
    // host died while starting it) stays hidden before it is tried again.
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, string> _lastFailure = new(StringComparer.Ordinal);

    /// <summary>Processes the messages waiting now; returns how many.</summary>
    public async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        var messages = await queue.ReceiveAsync(16, VisibilityTimeout, cancellationToken);
        foreach (var message in messages)
        {
            if (message.DequeueCount > MaxDequeueCount)
            {
                await queue.MoveToPoisonAsync(message, cancellationToken);
                _lastFailure.TryRemove(message.MessageId, out var reason);
                LogPoison(logger, message.MessageId, message.DequeueCount - 1, reason ?? "failed in another process");
                continue;
            }

            var unreadable = UnprocessableEvents.Unreadable(message.Text);
            if (unreadable is not null)
            {
                await MoveToPoisonAsync(message, unreadable, cancellationToken);
                continue;
            }

            try
            {
                var outcomes = await starter.HandleMessageAsync(message.Text, workflows, cancellationToken);
                var reason = await unprocessable.ReasonAsync(outcomes, cancellationToken);
                if (reason is not null)
                {
                    await MoveToPoisonAsync(message, reason, cancellationToken);
                    continue;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The message becomes visible again after the visibility timeout and is retried.
                var reason = Pipeline.Workflows.FailureText.Describe(exception);
                _lastFailure[message.MessageId] = reason;
                LogFailed(logger, message.MessageId, message.DequeueCount, reason);
                continue;
            }

            _lastFailure.TryRemove(message.MessageId, out _);
            await queue.DeleteAsync(message, cancellationToken);
        }

        return messages.Count;
    }

    private async Task MoveToPoisonAsync(IngestQueueMessage message, string reason, CancellationToken cancellationToken)
    {
        await queue.MoveToPoisonAsync(message, cancellationToken);
        _lastFailure.TryRemove(message.MessageId, out _);
        LogUnprocessable(logger, message.MessageId, reason);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DrainOnceAsync(stoppingToken) == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogReceiveFailed(logger, exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest event {MessageId} failed {Attempts} times and was moved to the poison queue; last failure: {Reason}")]
    private static partial void LogPoison(ILogger logger, string messageId, long attempts, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest event {MessageId} can never be processed and was moved to the poison queue: {Reason}")]
    private static partial void LogUnprocessable(ILogger logger, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest event {MessageId} failed (attempt {Attempt}); it is retried: {Reason}")]
    private static partial void LogFailed(ILogger logger, string messageId, long attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the ingest queue failed: {Reason}")]
    private static partial void LogReceiveFailed(ILogger logger, string reason);
}
