using System.Collections.Concurrent;
using SpineMetsRegistry.LocalHost.Engine;

namespace SpineMetsRegistry.EndToEnd.Tests.Reliability.Support;

/// <summary>Counts the activity executions the engine ran, by activity name.</summary>
internal sealed class ActivityCounter : IActivityObserver
{
    private readonly ConcurrentDictionary<string, int> _runs = new(StringComparer.Ordinal);

    public int Runs(string activityName) => _runs.GetValueOrDefault(activityName);

    public Task BeforeAsync(string activityName)
    {
        _runs.AddOrUpdate(activityName, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task AfterAsync(string activityName) => Task.CompletedTask;
}
