using System.Text.RegularExpressions;
using SpineMetsRegistry.Domain.Dictionary;

namespace SpineMetsRegistry.Domain.Batches.Redcap;

/// <summary>
/// How a REDCap records export maps onto the registry's batch format (the
/// <c>settings.redcap</c> object of infra/registry.json): the name of the project's first
/// field, and which event holds which record type and time point.
/// </summary>
public sealed partial class RedcapSettings
{
    /// <summary>The REDCap project's first field when it is the registry's own (the default).</summary>
    public const string StudyIdName = DataDictionary.StudyIdField;

    /// <summary>REDCap's default name for a project's first field.</summary>
    public const string RecordIdName = "record_id";

    /// <summary>
    /// The name of the project's first (record ID) field: <c>study_id</c> (a project built
    /// from the registry's dictionary) or <c>record_id</c> (a project that kept REDCap's
    /// default). Its values are the registry's study IDs either way.
    /// </summary>
    public string RecordIdField { get; set; } = StudyIdName;

    /// <summary>
    /// The event map of a longitudinal project. The default is the recommended setup:
    /// <c>baseline_arm_1</c>, <c>week_6_arm_1</c>, <c>week_12_arm_1</c>, <c>week_26_arm_1</c>,
    /// <c>week_52_arm_1</c>, <c>unscheduled_arm_1</c> and <c>withdrawal_arm_1</c>.
    /// </summary>
    public List<RedcapEventMapping> Events { get; set; } = DefaultEvents();

    /// <summary>The recommended event map (see the README next to this code for the REDCap setup).</summary>
    public static List<RedcapEventMapping> DefaultEvents() =>
    [
        RedcapEventMapping.Of("baseline_arm_1", "enrollment"),
        RedcapEventMapping.Of("week_6_arm_1", "followup", "6w"),
        RedcapEventMapping.Of("week_12_arm_1", "followup", "12w"),
        RedcapEventMapping.Of("week_26_arm_1", "followup", "26w"),
        RedcapEventMapping.Of("week_52_arm_1", "followup", "52w"),
        RedcapEventMapping.Of("unscheduled_arm_1", "followup", "unscheduled"),
        RedcapEventMapping.Of("withdrawal_arm_1", "withdrawal"),
    ];

    /// <summary>Finds the mapping of an exported event name (REDCap writes unique names in lower case; matched in any case).</summary>
    public RedcapEventMapping? FindEvent(string eventName) =>
        Events.FirstOrDefault(e => string.Equals(e.Event, eventName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a text has the shape of a REDCap unique event name, and so may be shown in a report.</summary>
    public static bool IsEventNameShape(string text) => EventName().IsMatch(text);

    /// <summary>
    /// Every defect of the settings against a data dictionary, each a sentence starting
    /// with the setting's path (relative to <c>settings.redcap</c>).
    /// </summary>
    public IReadOnlyList<string> Check(DataDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        var errors = new List<string>();
        if (RecordIdField is not (StudyIdName or RecordIdName))
        {
            errors.Add($"recordIdField must be {StudyIdName} or {RecordIdName}.");
        }

        if (Events is null || Events.Count == 0)
        {
            errors.Add("events must list at least one event (e.g. baseline_arm_1 for enrollment).");
            return errors;
        }

        var timePoints = dictionary.Field("time_point").CodeList!;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Events.Count; i++)
        {
            var mapping = Events[i];
            var at = $"events[{i}]";
            if (mapping is null)
            {
                errors.Add($"{at} is empty.");
                continue;
            }

            if (!IsEventNameShape(mapping.Event ?? string.Empty))
            {
                errors.Add($"{at}.event must be a REDCap unique event name: lower-case letters, digits and underscores, starting with a letter (e.g. week_6_arm_1).");
            }
            else if (!seen.Add(mapping.Event!))
            {
                errors.Add($"{at}.event {mapping.Event} is mapped twice.");
            }

            if (!dictionary.HasRecordType(mapping.RecordType ?? string.Empty))
            {
                errors.Add($"{at}.recordType must be one of the dictionary's record types: {string.Join(", ", dictionary.RecordTypes.Select(r => r.Code))}.");
            }
            else if (mapping.TimePoint is not null && !dictionary.Field("time_point").AppliesTo(mapping.RecordType!))
            {
                errors.Add($"{at}.timePoint is set, but {mapping.RecordType} records have no time point: remove it.");
            }

            if (mapping.TimePoint is not null && !timePoints.TryFind(mapping.TimePoint, out _))
            {
                errors.Add($"{at}.timePoint must be one of: {string.Join(", ", timePoints.Entries.Select(e => e.Code))}.");
            }
        }

        return errors;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex EventName();
}
