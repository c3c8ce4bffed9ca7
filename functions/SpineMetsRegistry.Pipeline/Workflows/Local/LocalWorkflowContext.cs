using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SpineMetsRegistry.Pipeline.Workflows.Local;

/// <summary>
/// The local runner's workflow context: every completed call is persisted, so a restarted
/// host replays finished calls from their stored results (activities never run twice after
/// they completed) and resumes at the first unfinished one. The clock a call sees is the
/// time it was first issued, stored with it, so replays see the same time.
/// </summary>
internal sealed partial class LocalWorkflowContext : IWorkflowContext
{
    private readonly IWorkflowStateStore _store;
    private readonly ActivityRegistry _activities;
    private readonly TimeProvider _time;
    private readonly WorkflowRetryPolicy _retry;
    private readonly ILogger _logger;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<int, WorkflowStep> _completed;
    private readonly Lock _gate = new();
    private int _nextSequence;
    private DateTimeOffset? _pendingClock;

    public LocalWorkflowContext(
        string instanceId,
        IReadOnlyList<WorkflowStep> completed,
        IWorkflowStateStore store,
        ActivityRegistry activities,
        TimeProvider time,
        WorkflowRetryPolicy retry,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        InstanceId = instanceId;
        _completed = completed.ToDictionary(s => s.Sequence);
        _store = store;
        _activities = activities;
        _time = time;
        _retry = retry;
        _logger = logger;
        _cancellationToken = cancellationToken;
    }

    public string InstanceId { get; }

    /// <summary>How many calls were replayed from storage rather than run.</summary>
    public int Replayed { get; private set; }

    public DateTimeOffset CurrentUtcDateTime
    {
        get
        {
            lock (_gate)
            {
                if (_completed.TryGetValue(_nextSequence, out var step))
                {
                    return step.IssuedAt ?? step.CompletedAt;
                }

                return _pendingClock ??= _time.GetUtcNow();
            }
        }
    }

    public async Task<TResult> CallActivityAsync<TResult>(string activityName, object? input)
    {
        int sequence;
        DateTimeOffset issuedAt;
        WorkflowStep? replay;
        lock (_gate)
        {
            sequence = _nextSequence++;
            _completed.TryGetValue(sequence, out replay);
            issuedAt = replay?.IssuedAt ?? replay?.CompletedAt ?? _pendingClock ?? _time.GetUtcNow();
            _pendingClock = null;
        }

        if (replay is not null)
        {
            if (!string.Equals(replay.ActivityName, activityName, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"Workflow {InstanceId} is not deterministic: call {sequence} was {replay.ActivityName} and is now {activityName}.");
            }

            Replayed++;
            return Deserialize<TResult>(replay.ResultJson);
        }

        var inputJson = JsonSerializer.Serialize(input, ActivityRegistry.Json);
        var resultJson = await RunWithRetriesAsync(activityName, inputJson);
        await _store.SaveStepAsync(InstanceId, new WorkflowStep(sequence, activityName, resultJson, _time.GetUtcNow()) { IssuedAt = issuedAt }, _cancellationToken);
        return Deserialize<TResult>(resultJson);
    }

    private async Task<string> RunWithRetriesAsync(string activityName, string inputJson)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _activities.RunAsync(activityName, inputJson, _cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException && attempt < _retry.MaxAttempts)
            {
                var delay = _retry.DelayBeforeRetry(attempt);
                LogRetry(_logger, activityName, InstanceId, attempt, delay, FailureText.Describe(exception));
                await Task.Delay(delay, _time, _cancellationToken);
            }
        }
    }

    private static TResult Deserialize<TResult>(string json) =>
        JsonSerializer.Deserialize<TResult>(json, ActivityRegistry.Json)
            ?? throw new InvalidOperationException("An activity returned no result.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {Activity} of {InstanceId} failed (attempt {Attempt}); retrying in {Delay}: {Reason}")]
    private static partial void LogRetry(ILogger logger, string activity, string instanceId, int attempt, TimeSpan delay, string reason);
}
