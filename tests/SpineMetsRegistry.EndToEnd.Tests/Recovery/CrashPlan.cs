using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Pipeline.Schedule;
using SpineMetsRegistry.Pipeline.Workflows;
using SpineMetsRegistry.Storage.Aggregates;
using SpineMetsRegistry.Storage.Audit;
using SpineMetsRegistry.Storage.Blobs;
using SpineMetsRegistry.Storage.Ledger;
using SpineMetsRegistry.Storage.Records;
using SpineMetsRegistry.Storage.Schedule;
using SpineMetsRegistry.Storage.Workflows;

namespace SpineMetsRegistry.EndToEnd.Tests.Recovery;

/// <summary>
/// Kills a host at a <see cref="CrashPoint"/> the way a dying process stops: the host's
/// stopping token is cancelled and the operation in progress ends with
/// <see cref="OperationCanceledException"/>, so the runner leaves the instance Running with
/// the steps persisted so far (and the activity's writes so far), exactly what a killed
/// process leaves in storage. Installed over the real storage adapters: every write of every
/// port the activities use is counted, as is every step the runner persists.
/// </summary>
public sealed class CrashPlan(CrashPoint point) : IDisposable
{
    private readonly CancellationTokenSource _hostStopping = new();
    private int _writes;
    private int _savedSteps;
    private bool _armed;

    public CrashPoint Point => point;

    /// <summary>The token the test passes to the starter: cancelled when the host dies.</summary>
    public CancellationToken HostStopping => _hostStopping.Token;

    public int Writes => _writes;

    public int SavedSteps => _savedSteps;

    /// <summary>What the host was doing when it died, or null.</summary>
    public string? Crashed { get; private set; }

    /// <summary>Starts counting (after the test's own upload, which is the site's write, not the registry's).</summary>
    public void Arm() => _armed = true;

    /// <summary>Wraps the storage adapters of a host's services.</summary>
    public void Install(IServiceCollection services)
    {
        Decorate<ICentralBlobs, CentralBlobStore>(services);
        Decorate<ILandingBlobs, LandingBlobStore>(services);
        Decorate<IBatchLedger, TableBatchLedger>(services);
        Decorate<IRecordStore, TableRecordStore>(services);
        Decorate<IAggregateStore, TableAggregateStore>(services);
        Decorate<IAuditLog, TableAuditLog>(services);
        Decorate<IScheduleStore, TableScheduleStore>(services);
        services.Replace(ServiceDescriptor.Singleton<IWorkflowStateStore>(sp =>
            new CrashingWorkflowStateStore(ActivatorUtilities.CreateInstance<TableWorkflowStateStore>(sp), this)));
    }

    internal void BeforeWrite(string operation)
    {
        if (_armed && Interlocked.Increment(ref _writes) == point.Number && point.Kind == CrashKind.BeforeWrite)
        {
            Die($"before write {point.Number}: {operation}");
        }
    }

    internal void BeforeStepSaved(WorkflowStep step)
    {
        if (point.Kind == CrashKind.BeforeStepSaved && step.Sequence + 1 == point.Number)
        {
            Die($"before step {point.Number} ({step.ActivityName}) was saved");
        }
    }

    internal void AfterStepSaved(WorkflowStep step)
    {
        Interlocked.Increment(ref _savedSteps);
        if (point.Kind == CrashKind.AfterStepSaved && step.Sequence + 1 == point.Number)
        {
            Die($"after step {point.Number} ({step.ActivityName}) was saved");
        }
    }

    public void Dispose() => _hostStopping.Dispose();

    [DoesNotReturn]
    private void Die(string where)
    {
        Crashed = where;
        _hostStopping.Cancel();
        throw new OperationCanceledException("The host was killed " + where + ".", _hostStopping.Token);
    }

    private void Decorate<TPort, TAdapter>(IServiceCollection services)
        where TPort : class
        where TAdapter : class, TPort =>
        services.Replace(ServiceDescriptor.Singleton<TPort>(sp => WriteInterceptor.Wrap<TPort>(ActivatorUtilities.CreateInstance<TAdapter>(sp), this)));
}
