using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Workflows.Local;

namespace SpineMetsRegistry.LocalHost.Ingest;

/// <summary>
/// The local counterpart of the Functions queue trigger: resumes every workflow a previous
/// run left unfinished, then takes BlobCreated events from the ingest queue and starts (and
/// runs) the ingest workflow for each, one batch at a time. A message that keeps failing is
/// set aside after <see cref="MaxDequeueCount"/> attempts, as the Functions host does.
/// </summary>
internal sealed partial class IngestQueueProcessor(
    IIngestEventQueue queue,
    IngestStarter starter,
    InProcessWorkflowRunner runner,
    ILogger<IngestQueueProcessor> logger) : BackgroundService
{
    public const int MaxDequeueCount = 5;

    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromMinutes(5);
    private readonly TaskCompletionSource _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the unfinished workflows of earlier runs have been resumed.</summary>
    public Task Resumed => _resumed.Task;

    /// <summary>Processes the messages waiting now; returns how many.</summary>
    public async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        var messages = await queue.ReceiveAsync(16, VisibilityTimeout, cancellationToken);
        foreach (var message in messages)
        {
            if (message.DequeueCount > MaxDequeueCount)
            {
                LogPoison(logger, message.MessageId);
                await queue.DeleteAsync(message, cancellationToken);
                continue;
            }

            await starter.HandleMessageAsync(message.Text, runner, cancellationToken);
            await queue.DeleteAsync(message, cancellationToken);
        }

        return messages.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var resumed = await runner.ResumeUnfinishedAsync(stoppingToken);
            if (resumed > 0)
            {
                LogResumed(logger, resumed);
            }
        }
        finally
        {
            _resumed.TrySetResult();
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DrainOnceAsync(stoppingToken) == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The message becomes visible again and is retried; the workflow itself retries its activities.
                LogFailed(logger, exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed {Count} unfinished workflow(s)")]
    private static partial void LogResumed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest event {MessageId} failed too often and was set aside")]
    private static partial void LogPoison(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing an ingest event failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
