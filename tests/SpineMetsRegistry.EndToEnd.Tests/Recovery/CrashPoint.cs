namespace SpineMetsRegistry.EndToEnd.Tests.Recovery;

/// <summary>Where the host dies.</summary>
public enum CrashKind
{
    /// <summary>It does not (the clean run, which counts the steps and writes).</summary>
    None,

    /// <summary>Right after the Nth activity call was persisted: killed between two steps.</summary>
    AfterStepSaved,

    /// <summary>After the Nth activity call returned, before it was persisted: the activity will run again.</summary>
    BeforeStepSaved,

    /// <summary>Inside an activity, just before the Nth storage write of the ingest: the earlier writes stay.</summary>
    BeforeWrite,
}

/// <summary>A place in the ingest where the host dies.</summary>
public sealed record CrashPoint(CrashKind Kind, int Number)
{
    public static CrashPoint Never { get; } = new(CrashKind.None, 0);

    public override string ToString() => Kind == CrashKind.None ? "no crash" : $"{Kind} #{Number}";
}
