using System.Globalization;
using SpineMetsRegistry.LocalHost.Engine;

namespace SpineMetsRegistry.EndToEnd.Tests.Support;

/// <summary>
/// Engine settings for tests: the laptop defaults shortened so a killed host's work is taken
/// over in seconds and an empty queue is polled often. Fewer partitions: every test has a
/// task hub of its own. The visibility timeouts stay at 10 s: DTFx checks every 5 s whether
/// a running activity's message needs its lock renewed, so a shorter timeout lets a busy
/// machine deliver the message again while the activity still runs (a duplicate execution
/// that can land after later steps).
/// </summary>
internal static class TestEngine
{
    public static EngineSettings Settings { get; } = new()
    {
        MaxQueuePollingInterval = TimeSpan.FromMilliseconds(250),
        ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(10),
        WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(10),
        LeaseInterval = TimeSpan.FromSeconds(4),
        LeaseRenewInterval = TimeSpan.FromSeconds(1),
        LeaseAcquireInterval = TimeSpan.FromSeconds(1),
        PartitionCount = 2,
    };

    /// <summary>The same settings as configuration keys.</summary>
    public static IReadOnlyDictionary<string, string?> Configuration(EngineSettings? settings = null)
    {
        var s = settings ?? Settings;
        return new Dictionary<string, string?>
        {
            [Key(nameof(EngineSettings.MaxQueuePollingInterval))] = Span(s.MaxQueuePollingInterval),
            [Key(nameof(EngineSettings.ControlQueueVisibilityTimeout))] = Span(s.ControlQueueVisibilityTimeout),
            [Key(nameof(EngineSettings.WorkItemQueueVisibilityTimeout))] = Span(s.WorkItemQueueVisibilityTimeout),
            [Key(nameof(EngineSettings.LeaseInterval))] = Span(s.LeaseInterval),
            [Key(nameof(EngineSettings.LeaseRenewInterval))] = Span(s.LeaseRenewInterval),
            [Key(nameof(EngineSettings.LeaseAcquireInterval))] = Span(s.LeaseAcquireInterval),
            [Key(nameof(EngineSettings.PartitionCount))] = s.PartitionCount.ToString(CultureInfo.InvariantCulture),
            [Key(nameof(EngineSettings.WorkerId))] = s.WorkerId,
        };
    }

    /// <summary>The same settings as command-line switches.</summary>
    public static IEnumerable<string> Arguments(EngineSettings? settings = null) =>
        Configuration(settings).Where(setting => setting.Value is not null).Select(setting => $"--{setting.Key}={setting.Value}");

    private static string Key(string name) => EngineSettings.SectionName + ":" + name;

    private static string Span(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
