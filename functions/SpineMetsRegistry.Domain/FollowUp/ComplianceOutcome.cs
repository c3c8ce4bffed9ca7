namespace SpineMetsRegistry.Domain.FollowUp;

/// <summary>What became of an expected visit whose window has closed.</summary>
public enum ComplianceOutcome
{
    /// <summary>A visit was received within the window: the only compliant outcome.</summary>
    WithinWindow,

    /// <summary>A visit was received, but outside the window.</summary>
    OutsideWindow,

    /// <summary>The window closed and no visit has been received.</summary>
    Missed,
}
