namespace SpineMetsRegistry.EndToEnd.Tests.Reliability.Support;

/// <summary>The transient storage failures <see cref="StorageFaultInjector"/> produces.</summary>
internal enum StorageFault
{
    /// <summary>The service answers 500 Internal Server Error (the request is not applied).</summary>
    InternalError,

    /// <summary>The service answers 503 Server Busy, as a throttled account does (not applied).</summary>
    ServerBusy,

    /// <summary>The request times out before it reaches the service (not applied).</summary>
    TimeoutBeforeSending,

    /// <summary>
    /// The request is applied by the service but its response is lost to a timeout: the
    /// client's retry repeats a write that has already happened (a create meets 409, a
    /// conditional write 412, a queue message is sent twice).
    /// </summary>
    TimeoutAfterApplying,
}
