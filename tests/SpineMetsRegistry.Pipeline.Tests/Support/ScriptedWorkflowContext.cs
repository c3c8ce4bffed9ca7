using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Workflows;

namespace SpineMetsRegistry.Pipeline.Tests.Support;

/// <summary>
/// A workflow context without storage or a host: answers each activity from a script,
/// records every call with the clock value current when it was issued, advances the clock
/// after every call, and holds chunk calls pending until the driver releases them, so the
/// number of chunk calls in flight at once is observable.
/// </summary>
internal sealed class ScriptedWorkflowContext(DateTimeOffset start) : IWorkflowContext
{
    private readonly Lock _gate = new();
    private readonly List<PendingChunk> _pending = [];

    public string InstanceId => "ingest-S01-test-0123456789abcdef";

    public DateTimeOffset CurrentUtcDateTime { get; private set; } = start;

    public List<ActivityCall> Calls { get; } = [];

    /// <summary>Answers by activity name; a thrown exception is the activity failing after its retries.</summary>
    public Dictionary<string, Func<object?, object>> Answers { get; } = new(StringComparer.Ordinal);

    /// <summary>What each chunk stores (by chunk number).</summary>
    public Func<int, StoreCounts> ChunkAnswer { get; set; } = _ => new StoreCounts(1, 0, 0, 0);

    /// <summary>A chunk whose store fails, or null.</summary>
    public int? FailingChunk { get; set; }

    public Task<TResult> CallActivityAsync<TResult>(string activityName, object? input)
    {
        lock (_gate)
        {
            Calls.Add(new ActivityCall(activityName, input, CurrentUtcDateTime));
            CurrentUtcDateTime = CurrentUtcDateTime.AddMinutes(1);
            if (activityName == IngestActivityNames.StoreChunk)
            {
                var pending = new PendingChunk(((ChunkStep)input!).Chunk);
                _pending.Add(pending);
                return (Task<TResult>)(object)pending.Completion.Task;
            }
        }

        try
        {
            return Task.FromResult((TResult)Answers[activityName](input));
        }
        catch (Exception exception) when (exception is not KeyNotFoundException)
        {
            return Task.FromException<TResult>(exception);
        }
    }

    /// <summary>
    /// Runs the workflow to its end. Every other activity answers at once, so the workflow runs
    /// until it waits on chunk calls; the driver then records how many are in flight and
    /// completes them all, which lets the workflow go on to its next wait.
    /// </summary>
    public Task<(IngestOutcome Outcome, IReadOnlyList<int> InFlight)> RunAsync(IngestRequest request) => Task.Run(async () =>
    {
        var inFlight = new List<int>();
        var run = IngestWorkflow.RunAsync(this, request);
        while (!run.IsCompleted)
        {
            var wave = await TakeWaveAsync(run);
            if (wave.Length == 0)
            {
                continue;
            }

            inFlight.Add(wave.Length);
            foreach (var chunk in wave)
            {
                if (chunk.Number == FailingChunk)
                {
                    chunk.Completion.SetException(new InvalidOperationException($"Chunk {chunk.Number} could not be stored."));
                }
                else
                {
                    chunk.Completion.SetResult(ChunkAnswer(chunk.Number));
                }
            }
        }

        return (await run, (IReadOnlyList<int>)inFlight);
    });

    // The pending calls once the workflow waits on them: completions run the workflow on
    // inline, so the next wave is normally issued before SetResult returns; should a
    // continuation run elsewhere, wait until the pending set stops growing.
    private async Task<PendingChunk[]> TakeWaveAsync(Task run)
    {
        var seen = -1;
        for (var polls = 0; polls < 10_000; polls++)
        {
            int count;
            lock (_gate)
            {
                count = _pending.Count;
                if (count > 0 && count == seen)
                {
                    PendingChunk[] wave = [.. _pending];
                    _pending.Clear();
                    return wave;
                }
            }

            if (run.IsCompleted)
            {
                return [];
            }

            seen = count;
            if (polls > 0)
            {
                await Task.Delay(2);
            }
        }

        throw new TimeoutException("The workflow neither finished nor called a chunk activity.");
    }

    internal sealed record ActivityCall(string Name, object? Input, DateTimeOffset ClockAtCall);

    private sealed record PendingChunk(int Number)
    {
        public TaskCompletionSource<StoreCounts> Completion { get; } = new();
    }
}
