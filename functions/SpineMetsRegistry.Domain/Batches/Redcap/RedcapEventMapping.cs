namespace SpineMetsRegistry.Domain.Batches.Redcap;

/// <summary>
/// One REDCap event and the registry record it holds: <c>baseline_arm_1</c> holds the
/// enrollment, <c>week_6_arm_1</c> the follow-up visit at 6 weeks.
/// </summary>
public sealed class RedcapEventMapping
{
    /// <summary>The event's unique name as REDCap exports it in <c>redcap_event_name</c> (e.g. <c>week_6_arm_1</c>).</summary>
    public string Event { get; set; } = string.Empty;

    /// <summary>The registry record type of the event's rows: enrollment, followup or withdrawal.</summary>
    public string RecordType { get; set; } = string.Empty;

    /// <summary>
    /// For follow-up events, the time point the event stands for (6w, 12w, 26w, 52w,
    /// unscheduled). Null takes the time point from the row's own <c>time_point</c> field.
    /// </summary>
    public string? TimePoint { get; set; }

    /// <summary>Creates a mapping.</summary>
    public static RedcapEventMapping Of(string eventName, string recordType, string? timePoint = null) =>
        new() { Event = eventName, RecordType = recordType, TimePoint = timePoint };
}
