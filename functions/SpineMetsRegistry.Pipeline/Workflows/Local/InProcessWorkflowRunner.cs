using System.Text.Json;
using Microsoft.Extensions.Logging;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Pipeline.Ingest;

namespace SpineMetsRegistry.Pipeline.Workflows.Local;

/// <summary>
/// Runs the ingest workflow in-process for the local host, with the same deterministic
/// instance IDs, retry policy and replay semantics as Durable Functions: progress is
/// persisted after every activity, so a host killed at any point resumes each unfinished
/// workflow where it stopped and reaches the same end state as a clean run.
/// </summary>
public sealed partial class InProcessWorkflowRunner : IWorkflowStarter, IDisposable
{
    private readonly IWorkflowStateStore _store;
    private readonly ActivityRegistry _activities;
    private readonly TimeProvider _time;
    private readonly WorkflowRetryPolicy _retry;
    private readonly ILogger<InProcessWorkflowRunner> _logger;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Creates a runner over the ingest activities.</summary>
    public InProcessWorkflowRunner(
        IWorkflowStateStore store,
        IngestActivities activities,
        TimeProvider time,
        WorkflowRetryPolicy retry,
        ILogger<InProcessWorkflowRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(activities);
        _store = store;
        _activities = activities.Register(new ActivityRegistry());
        _time = time;
        _retry = retry;
        _logger = logger;
    }

    /// <summary>Starts and runs the workflow for an upload (one workflow at a time in this host).</summary>
    public async Task<WorkflowStartResult> StartIngestAsync(IngestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instanceId = request.Key.InstanceId;
        var now = _time.GetUtcNow();
        var input = JsonSerializer.Serialize(request, ActivityRegistry.Json);
        WorkflowStartResult result;
        if (await _store.TryCreateAsync(new WorkflowInstance(instanceId, IngestActivityNames.Workflow, input, WorkflowStatus.Running, now, now, null, null), cancellationToken))
        {
            result = WorkflowStartResult.Started;
        }
        else
        {
            var existing = await _store.GetAsync(instanceId, cancellationToken)
                ?? throw new InvalidOperationException($"Workflow {instanceId} exists and does not.");
            switch (existing.Status)
            {
                case WorkflowStatus.Completed:
                    return WorkflowStartResult.AlreadyCompleted;
                case WorkflowStatus.Running:
                    return WorkflowStartResult.AlreadyRunning;
                default:
                    await _store.RestartAsync(instanceId, now, cancellationToken);
                    result = WorkflowStartResult.Restarted;
                    break;
            }
        }

        await RunAsync(instanceId, cancellationToken);
        return result;
    }

    /// <summary>Resumes every workflow left unfinished (after a crash or a kill).</summary>
    public async Task<int> ResumeUnfinishedAsync(CancellationToken cancellationToken = default)
    {
        var running = new List<string>();
        await foreach (var instance in _store.ListRunningAsync(cancellationToken))
        {
            running.Add(instance.InstanceId);
        }

        foreach (var instanceId in running)
        {
            LogResuming(_logger, instanceId);
            await RunAsync(instanceId, cancellationToken);
        }

        return running.Count;
    }

    /// <summary>Runs (or resumes) one instance to its end.</summary>
    public async Task<WorkflowStatus> RunAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var instance = await _store.GetAsync(instanceId, cancellationToken)
                ?? throw new InvalidOperationException($"Workflow {instanceId} does not exist.");
            if (instance.Status != WorkflowStatus.Running)
            {
                return instance.Status;
            }

            var request = JsonSerializer.Deserialize<IngestRequest>(instance.InputJson, ActivityRegistry.Json)
                ?? throw new InvalidOperationException($"Workflow {instanceId} has no input.");
            var steps = await _store.GetStepsAsync(instanceId, cancellationToken);
            var context = new LocalWorkflowContext(instanceId, steps, _store, _activities, _time, _retry, _logger, cancellationToken);
            try
            {
                var outcome = await IngestWorkflow.RunAsync(context, request);
                await _store.FinishAsync(instanceId, WorkflowStatus.Completed, JsonSerializer.Serialize(outcome, ActivityRegistry.Json), null, _time.GetUtcNow(), CancellationToken.None);
                LogCompleted(_logger, instanceId, outcome.Decision is { } decision ? BatchDecisionCodes.ToCode(decision) : "already_completed", context.Replayed);
                return WorkflowStatus.Completed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The host is stopping: the instance stays Running and resumes at the next start.
                throw;
            }
            catch (Exception exception)
            {
                var failure = FailureText.Describe(exception);
                await _store.FinishAsync(instanceId, WorkflowStatus.Failed, null, failure, _time.GetUtcNow(), CancellationToken.None);
                LogFailed(_logger, instanceId, failure);
                return WorkflowStatus.Failed;
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _oneAtATime.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming unfinished workflow {InstanceId}")]
    private static partial void LogResuming(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow {InstanceId} completed: {Decision} ({Replayed} steps replayed)")]
    private static partial void LogCompleted(ILogger logger, string instanceId, string decision, int replayed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow {InstanceId} failed: {Failure}")]
    private static partial void LogFailed(ILogger logger, string instanceId, string failure);
}
