namespace SpineMetsRegistry.EndToEnd.Tests.Recovery;

/// <summary>Where the host dies.</summary>
public enum CrashKind
{
    /// <summary>It does not (the clean run, which counts the activities and writes).</summary>
    None,

    /// <summary>
    /// Just before the Nth activity call of the ingest runs: between two steps (the engine has
    /// recorded step N-1 and scheduled step N, which the next worker runs).
    /// </summary>
    BeforeActivity,

    /// <summary>After the Nth activity call returned, before the engine recorded its result: the activity will run again.</summary>
    AfterActivity,

    /// <summary>Inside an activity, just before the Nth storage write of the ingest: the earlier writes stay.</summary>
    BeforeWrite,
}

/// <summary>A place in the ingest where the host dies.</summary>
public sealed record CrashPoint(CrashKind Kind, int Number)
{
    public static CrashPoint Never { get; } = new(CrashKind.None, 0);

    public override string ToString() => Kind == CrashKind.None ? "no crash" : $"{Kind} #{Number}";
}
