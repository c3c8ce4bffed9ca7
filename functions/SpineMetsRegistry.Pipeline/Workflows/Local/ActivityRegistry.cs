using System.Text.Json;

namespace SpineMetsRegistry.Pipeline.Workflows.Local;

/// <summary>
/// Activities by name, for the local runner: each takes its input and returns its result
/// as JSON, exactly what Durable Functions would persist, so a workflow behaves the same
/// under both hosts (and a result that does not serialize fails here too).
/// </summary>
public sealed class ActivityRegistry
{
    /// <summary>The JSON options of inputs and results (web defaults, like the Durable worker's).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, Func<string, CancellationToken, Task<string>>> _activities = new(StringComparer.Ordinal);

    /// <summary>Registers an activity.</summary>
    public ActivityRegistry Add<TInput, TResult>(string name, Func<TInput, CancellationToken, Task<TResult>> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        _activities.Add(name, async (inputJson, cancellationToken) =>
        {
            var input = JsonSerializer.Deserialize<TInput>(inputJson, Json)
                ?? throw new InvalidOperationException($"Activity {name} received no input.");
            var result = await activity(input, cancellationToken);
            return JsonSerializer.Serialize(result, Json);
        });
        return this;
    }

    /// <summary>Runs an activity once.</summary>
    public Task<string> RunAsync(string name, string inputJson, CancellationToken cancellationToken) =>
        _activities.TryGetValue(name, out var activity)
            ? activity(inputJson, cancellationToken)
            : throw new InvalidOperationException($"No activity named {name} is registered.");
}
