using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SpineMetsRegistry.LocalHost.Engine;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Pipeline.Schedule;
using SpineMetsRegistry.Storage.Aggregates;
using SpineMetsRegistry.Storage.Audit;
using SpineMetsRegistry.Storage.Blobs;
using SpineMetsRegistry.Storage.Ledger;
using SpineMetsRegistry.Storage.Records;
using SpineMetsRegistry.Storage.Schedule;

namespace SpineMetsRegistry.EndToEnd.Tests.Recovery;

/// <summary>
/// Kills a host at a <see cref="CrashPoint"/> the way a dying process stops: at the planned
/// moment the host freezes (the activity or write in progress never returns, and nothing it
/// would do next happens), the plan reports <see cref="Killed"/>, and the test then stops the
/// host's engine abruptly and cuts it off its storage (<c>PipelineHost.KillAsync</c>), leaving in
/// storage what a killed process leaves: the writes so far, and the message of the activity it
/// was running invisible until its visibility timeout (the forced stop still hands the partition
/// leases back; the process-level tests cover leases left to expire). Installed over the real
/// storage adapters (every write of every port the activities use is counted) and as the
/// engine's activity observer (every activity call is counted).
/// </summary>
public sealed class CrashPlan(CrashPoint point) : IActivityObserver
{
    private readonly TaskCompletionSource _killed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _writes;
    private int _started;
    private int _finished;
    private volatile bool _armed;
    private volatile bool _dead;

    public CrashPoint Point => point;

    /// <summary>Completes when the host has frozen at the planned point.</summary>
    public Task Killed => _killed.Task;

    public int Writes => _writes;

    /// <summary>Activity calls that returned (in the clean run: the ingest's steps).</summary>
    public int ActivitiesFinished => _finished;

    /// <summary>What the host was doing when it died, or null.</summary>
    public string? Crashed { get; private set; }

    /// <summary>Starts counting (after the test's own upload, which is the site's write, not the registry's).</summary>
    public void Arm() => _armed = true;

    /// <summary>Wraps the storage adapters of a host's services and observes its engine's activities.</summary>
    public void Install(IServiceCollection services)
    {
        Decorate<ICentralBlobs, CentralBlobStore>(services);
        Decorate<ILandingBlobs, LandingBlobStore>(services);
        Decorate<IBatchLedger, TableBatchLedger>(services);
        Decorate<IRecordStore, TableRecordStore>(services);
        Decorate<IAggregateStore, TableAggregateStore>(services);
        Decorate<IAuditLog, TableAuditLog>(services);
        Decorate<IScheduleStore, TableScheduleStore>(services);
        services.AddSingleton<IActivityObserver>(this);
    }

    public Task BeforeAsync(string activityName)
    {
        if (_dead)
        {
            return Frozen();
        }

        return _armed && Interlocked.Increment(ref _started) == point.Number && point.Kind == CrashKind.BeforeActivity
            ? Die($"before activity {point.Number} ({activityName}) ran")
            : Task.CompletedTask;
    }

    public Task AfterAsync(string activityName)
    {
        if (_dead)
        {
            return Frozen();
        }

        return _armed && Interlocked.Increment(ref _finished) == point.Number && point.Kind == CrashKind.AfterActivity
            ? Die($"after activity {point.Number} ({activityName}) returned, before its result was recorded")
            : Task.CompletedTask;
    }

    /// <summary>Before a write: null to go ahead, or a task that never completes (the host died here or earlier).</summary>
    internal Task? BeforeWrite(string operation)
    {
        if (_dead)
        {
            return Frozen();
        }

        return _armed && Interlocked.Increment(ref _writes) == point.Number && point.Kind == CrashKind.BeforeWrite
            ? Die($"before write {point.Number}: {operation}")
            : null;
    }

    private Task Die(string where)
    {
        Crashed = where;
        _dead = true;
        _killed.TrySetResult();
        return Frozen();
    }

    // A dead process does nothing more: what it was doing never finishes.
    private static Task Frozen() => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously).Task;

    private void Decorate<TPort, TAdapter>(IServiceCollection services)
        where TPort : class
        where TAdapter : class, TPort =>
        services.Replace(ServiceDescriptor.Singleton<TPort>(sp => WriteInterceptor.Wrap<TPort>(ActivatorUtilities.CreateInstance<TAdapter>(sp), this)));
}
