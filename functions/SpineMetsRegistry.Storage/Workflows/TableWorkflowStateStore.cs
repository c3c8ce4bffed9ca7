using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using SpineMetsRegistry.Pipeline.Workflows;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Workflows;

/// <summary>
/// Local workflow progress on <c>workflows</c>: PK = instance ID, RK <c>instance</c> for the
/// instance and <c>step|&lt;sequence:D6&gt;</c> per completed activity call (a repeated save of
/// a sequence overwrites its row). <c>workflowsrunning</c> (PK <c>running</c>, RK = instance ID)
/// lists the unfinished instances, so start-up reads one small partition instead of scanning
/// every instance ever run. The marker is written before the instance and removed after it
/// finishes; a marker whose instance finished is ignored and cleaned up on listing.
/// </summary>
public sealed class TableWorkflowStateStore(RegistryStorageClients clients) : IWorkflowStateStore
{
    private const string InstanceRow = "instance";
    private const string StepFamily = "step";
    private const string RunningPartition = "running";

    /// <inheritdoc />
    public async Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var entity = await TableQueries.GetAsync(Instances, TableKey.Of(instanceId), InstanceRow, cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    /// <inheritdoc />
    public async Task<bool> TryCreateAsync(WorkflowInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var entity = ToEntity(instance);
        EntityLimits.Check(Instances.Name, entity);

        // An existing instance (a repeated event, an identical re-upload of a finished batch)
        // is answered from a read: writing its running marker first would leave a stale
        // marker behind, and "false" must change nothing. Only a create racing another
        // create of the same ID can still leave one, which listing cleans up.
        if (await GetAsync(instance.InstanceId, cancellationToken) is not null)
        {
            return false;
        }

        if (instance.Status == WorkflowStatus.Running)
        {
            await MarkRunningAsync(instance.InstanceId, cancellationToken);
        }

        try
        {
            await Instances.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException failed) when (failed.IsConflict())
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task SaveStepAsync(string instanceId, WorkflowStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentOutOfRangeException.ThrowIfNegative(step.Sequence);
        var entity = new TableEntity(TableKey.Of(instanceId), StepRow(step.Sequence))
        {
            ["Sequence"] = step.Sequence,
            ["ActivityName"] = step.ActivityName,
            ["CompletedAt"] = step.CompletedAt,
        };
        if (step.IssuedAt is { } issuedAt)
        {
            entity["IssuedAt"] = issuedAt;
        }

        LongText.Write(entity, "ResultJson", step.ResultJson);
        await TableWriter.UpsertAsync(Instances, [entity], cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WorkflowStep>> GetStepsAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var steps = new List<WorkflowStep>();
        await foreach (var entity in TableQueries.RangeAsync(Instances, TableKey.Of(instanceId), TableKey.PrefixRange(StepFamily), select: null, cancellationToken))
        {
            steps.Add(new WorkflowStep(
                entity.RequireInt32("Sequence"),
                entity.RequireString("ActivityName"),
                LongText.Read(entity, "ResultJson") ?? string.Empty,
                entity.RequireDateTimeOffset("CompletedAt"))
            {
                IssuedAt = entity.GetDateTimeOffset("IssuedAt"),
            });
        }

        return steps;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The instance does not exist.</exception>
    public async Task FinishAsync(string instanceId, WorkflowStatus status, string? outputJson, string? failure, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var stored = await GetAsync(instanceId, cancellationToken)
            ?? throw new InvalidOperationException($"Workflow instance '{instanceId}' does not exist and cannot be finished.");
        var finished = stored with { Status = status, OutputJson = outputJson, Failure = failure, UpdatedAt = at };

        // Replaced whole (not merged) so a shorter output leaves no parts of an earlier one.
        await TableWriter.UpsertAsync(Instances, [ToEntity(finished)], cancellationToken);
        if (status != WorkflowStatus.Running)
        {
            await Running.DeleteEntityAsync(RunningPartition, TableKey.Of(instanceId), ETag.All, cancellationToken);
        }
        else
        {
            await MarkRunningAsync(instanceId, cancellationToken);
        }
    }

    /// <inheritdoc />
    /// <remarks>The running marker comes first, then the steps go, then the instance row turns Running: a crash leaves a state a retry finishes.</remarks>
    /// <exception cref="InvalidOperationException">The instance does not exist.</exception>
    public async Task RestartAsync(string instanceId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var stored = await GetAsync(instanceId, cancellationToken)
            ?? throw new InvalidOperationException($"Workflow instance '{instanceId}' does not exist and cannot be restarted.");
        await MarkRunningAsync(instanceId, cancellationToken);
        var steps = new List<(string, string)>();
        await foreach (var entity in TableQueries.RangeAsync(Instances, TableKey.Of(instanceId), TableKey.PrefixRange(StepFamily), select: null, cancellationToken))
        {
            steps.Add((entity.PartitionKey, entity.RowKey));
        }

        await TableWriter.DeleteAsync(Instances, steps, cancellationToken);
        var restarted = stored with { Status = WorkflowStatus.Running, OutputJson = null, Failure = null, CreatedAt = at, UpdatedAt = at };
        await TableWriter.UpsertAsync(Instances, [ToEntity(restarted)], cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<WorkflowInstance> ListRunningAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var markers = new List<(string RowKey, string InstanceId)>();
        await foreach (var marker in TableQueries.PartitionAsync(Running, RunningPartition, select: null, cancellationToken))
        {
            markers.Add((marker.RowKey, marker.RequireString("InstanceId")));
        }

        foreach (var (rowKey, instanceId) in markers)
        {
            var instance = await GetAsync(instanceId, cancellationToken);
            if (instance is { Status: WorkflowStatus.Running })
            {
                yield return instance;
            }
            else if (instance is not null)
            {
                // Finished, but the process stopped before removing the marker. A marker
                // without an instance is left alone: its creation may still be under way.
                await Running.DeleteEntityAsync(RunningPartition, rowKey, ETag.All, cancellationToken);
            }
        }
    }

    private Task MarkRunningAsync(string instanceId, CancellationToken cancellationToken) =>
        TableWriter.UpsertAsync(Running, [new TableEntity(RunningPartition, TableKey.Of(instanceId)) { ["InstanceId"] = instanceId }], cancellationToken);

    private static string StepRow(int sequence) =>
        TableKey.Of(StepFamily, sequence.ToString("D6", CultureInfo.InvariantCulture));

    private static TableEntity ToEntity(WorkflowInstance instance)
    {
        var entity = new TableEntity(TableKey.Of(instance.InstanceId), InstanceRow)
        {
            ["InstanceId"] = instance.InstanceId,
            ["WorkflowName"] = instance.WorkflowName,
            ["Status"] = instance.Status.ToString(),
            ["CreatedAt"] = instance.CreatedAt,
            ["UpdatedAt"] = instance.UpdatedAt,
        };
        LongText.Write(entity, "InputJson", instance.InputJson);
        LongText.Write(entity, "OutputJson", instance.OutputJson);
        LongText.Write(entity, "Failure", instance.Failure);
        return entity;
    }

    private static WorkflowInstance FromEntity(TableEntity entity) =>
        new(
            entity.RequireString("InstanceId"),
            entity.RequireString("WorkflowName"),
            LongText.Read(entity, "InputJson") ?? string.Empty,
            entity.RequireEnum<WorkflowStatus>("Status"),
            entity.RequireDateTimeOffset("CreatedAt"),
            entity.RequireDateTimeOffset("UpdatedAt"),
            LongText.Read(entity, "OutputJson"),
            LongText.Read(entity, "Failure"));

    private TableClient Instances => clients.Table(RegistryTables.Workflows);

    private TableClient Running => clients.Table(RegistryTables.WorkflowsRunning);
}
