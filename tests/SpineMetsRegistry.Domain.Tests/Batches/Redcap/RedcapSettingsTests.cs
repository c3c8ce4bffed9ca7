using System.Text;
using SpineMetsRegistry.Domain.Batches.Redcap;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.Dictionary;

namespace SpineMetsRegistry.Domain.Tests.Batches.Redcap;

/// <summary>The REDCap event map and record ID setting, checked when the configuration loads.</summary>
public sealed class RedcapSettingsTests
{
    private static IReadOnlyList<string> Check(params RedcapEventMapping[] events) =>
        new RedcapSettings { Events = [.. events] }.Check(DataDictionary.Default);

    [Fact]
    public void Check_DefaultMap_HasNoDefectAndCoversEveryRecordTypeAndTimePoint()
    {
        var settings = new RedcapSettings();

        Assert.Empty(settings.Check(DataDictionary.Default));
        Assert.Equal(
            DataDictionary.Default.RecordTypes.Select(r => r.Code).Order(),
            settings.Events.Select(e => e.RecordType).Distinct().Order());
        Assert.Equal(
            DataDictionary.Default.Field("time_point").CodeList!.Entries.Select(e => e.Code).Order(),
            settings.Events.Select(e => e.TimePoint).OfType<string>().Order());
    }

    [Theory]
    [InlineData("Week 6", "followup", "6w", "events[0].event must be a REDCap unique event name")]
    [InlineData("week_6_arm_1", "visit", "6w", "events[0].recordType must be one of the dictionary's record types: enrollment, followup, withdrawal")]
    [InlineData("week_6_arm_1", "followup", "8w", "events[0].timePoint must be one of: 6w, 12w, 26w, 52w, unscheduled")]
    [InlineData("baseline_arm_1", "enrollment", "6w", "events[0].timePoint is set, but enrollment records have no time point")]
    public void Check_DefectiveMapping_NamesTheEntryAndTheRule(string eventName, string recordType, string timePoint, string expected)
    {
        var errors = Check(RedcapEventMapping.Of(eventName, recordType, timePoint));

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_EventMappedTwice_Defect()
    {
        var errors = Check(RedcapEventMapping.Of("baseline_arm_1", "enrollment"), RedcapEventMapping.Of("Baseline_arm_1", "enrollment"));

        Assert.Contains(errors, e => e.StartsWith("events[1].event", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_FollowUpWithoutTimePoint_IsAllowed()
    {
        Assert.Empty(Check(RedcapEventMapping.Of("visit_arm_1", "followup")));
    }

    [Fact]
    public void Check_NoEventsOrUnknownRecordIdField_Defects()
    {
        var errors = new RedcapSettings { RecordIdField = "patient_id", Events = [] }.Check(DataDictionary.Default);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("recordIdField must be study_id or record_id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("events must list at least one event", StringComparison.Ordinal));
    }

    [Fact]
    public void FindEvent_AnyCase_FindsTheMapping()
    {
        Assert.Equal("12w", new RedcapSettings().FindEvent("WEEK_12_ARM_1")!.TimePoint);
        Assert.Null(new RedcapSettings().FindEvent("week_8_arm_1"));
    }

    [Fact]
    public void Load_RedcapSettingsInRegistryJson_ReadAndCheckedAtLoad()
    {
        const string Valid = """{ "sites": [ { "code": "S07", "studyIdPattern": "^S07-[0-9]{4}$" } ], "settings": { "redcap": { "recordIdField": "record_id", "events": [ { "event": "enrolment_arm_2", "recordType": "enrollment" } ] } } }""";
        const string Invalid = """{ "sites": [ { "code": "S07", "studyIdPattern": "^S07-[0-9]{4}$" } ], "settings": { "redcap": { "events": [ { "event": "week_6_arm_1", "recordType": "followup", "timePoint": "6 weeks" } ] } } }""";

        var valid = RegistryConfigurationLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(Valid)));
        var invalid = RegistryConfigurationLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(Invalid)));

        Assert.True(valid.IsSuccess, string.Join("; ", valid.Errors));
        Assert.Equal("record_id", valid.Value!.Settings.Redcap.RecordIdField);
        Assert.Equal("enrolment_arm_2", Assert.Single(valid.Value.Settings.Redcap.Events).Event);
        Assert.False(invalid.IsSuccess);
        Assert.Contains(invalid.Errors, e => e.StartsWith("settings.redcap.events[0].timePoint must be one of", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WithoutRedcapSettings_UsesTheRecommendedMap()
    {
        var loaded = RegistryConfigurationLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes("""{ "sites": [ { "code": "S07", "studyIdPattern": "^S07-[0-9]{4}$" } ] }""")));

        Assert.Equal(RedcapSettings.DefaultEvents().Select(e => e.Event), loaded.Value!.Settings.Redcap.Events.Select(e => e.Event));
    }

    [Fact]
    public void LoadFile_RepositoryConfiguration_ShipsTheRecommendedMap()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "infra", "registry.json")))
        {
            directory = directory.Parent;
        }

        var shipped = RegistryConfigurationLoader.LoadFile(Path.Combine(directory!.FullName, "infra", "registry.json")).Value!.Settings.Redcap;

        Assert.Equal(
            RedcapSettings.DefaultEvents().Select(e => (e.Event, e.RecordType, e.TimePoint)),
            shipped.Events.Select(e => (e.Event, e.RecordType, e.TimePoint)));
        Assert.Equal("study_id", shipped.RecordIdField);
    }
}
