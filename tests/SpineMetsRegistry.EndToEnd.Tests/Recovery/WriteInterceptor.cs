using System.Reflection;

namespace SpineMetsRegistry.EndToEnd.Tests.Recovery;

/// <summary>
/// Wraps a storage port in a pass-through proxy that tells the <see cref="CrashPlan"/> before
/// every write (any method that creates, replaces, copies or deletes), so the plan can kill
/// the host between any two writes of an activity. Reads pass straight through.
/// </summary>
public static class WriteInterceptor
{
    /// <summary>The write operations of the ingest's ports (every other member only reads).</summary>
    internal static readonly IReadOnlySet<string> WriteMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "UploadAsync", "CopyAsync", "DeleteIfExistsAsync", // ICentralBlobs
        "WriteAsync", "DeleteIfUnchangedAsync", // ILandingBlobs (and IAggregateStore.WriteAsync)
        "RecordAsync", // IBatchLedger
        "UpsertAsync", "WithdrawPatientAsync", // IRecordStore (and IScheduleStore.UpsertAsync)
        "DeleteOthersAsync", // IAggregateStore
        "AppendAsync", // IAuditLog
        "DeleteVisitsAsync", "DeletePatientAsync", // IScheduleStore
    };

    public static TPort Wrap<TPort>(TPort target, CrashPlan plan)
        where TPort : class
    {
        var proxy = DispatchProxy.Create<TPort, WriteInterceptorProxy<TPort>>();
        ((WriteInterceptorProxy<TPort>)(object)proxy).Attach(target, plan);
        return proxy;
    }
}
