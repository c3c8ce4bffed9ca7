using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ingest.Orchestration;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Workflows;
using SpineMetsRegistry.Testing;

namespace SpineMetsRegistry.Pipeline.Tests.Ingest.Orchestration;

/// <summary>
/// The ingest orchestrator on the Durable Task in-process test host (the real engine's replay
/// and scheduling, no storage), with fake activities that record every call and answer as
/// the test says.
/// </summary>
internal sealed class FakeIngestActivities
{
    public const string BatchKey = "visits-2026-03@0123456789ab";

    private readonly InFlightCounter _chunks = new();
    private readonly InFlightCounter _groups = new();

    public FakeIngestActivities(ValidatedBatch validated) => Validated = validated;

    public ValidatedBatch Validated { get; }

    /// <summary>What receive answers (not yet ingested by default).</summary>
    public Func<ReceiveInput, ReceivedBatch> Receive { get; set; } = input => new ReceivedBatch(input.Request.Site, BatchKey, AlreadyCompleted: false);

    /// <summary>Throws from validate when set.</summary>
    public Exception? ValidateFailure { get; set; }

    /// <summary>What each chunk stores (one insert by default).</summary>
    public Func<int, StoreCounts> ChunkAnswer { get; set; } = _ => new StoreCounts(1, 0, 0, 0);

    /// <summary>A chunk that fails its first <see cref="ChunkFailures"/> attempts.</summary>
    public int? FailingChunk { get; set; }

    /// <summary>How many attempts of the failing chunk fail (all by default).</summary>
    public int ChunkFailures { get; set; } = int.MaxValue;

    /// <summary>What planning the schedule answers (two groups of three patients by default).</summary>
    public SchedulePlan Plan { get; set; } = new(2, 3);

    /// <summary>How many expected visits each schedule group answers (the group number plus ten by default).</summary>
    public Func<int, int> GroupAnswer { get; set; } = group => group + 10;

    /// <summary>Every activity call in completion order: name and input.</summary>
    public ConcurrentQueue<(string Name, object Input)> Calls { get; } = new();

    /// <summary>The most store-chunk calls that ran at once.</summary>
    public int MaxChunksInFlight => _chunks.Max;

    /// <summary>The most schedule-group calls that ran at once.</summary>
    public int MaxGroupsInFlight => _groups.Max;

    public IEnumerable<string> Names => Calls.Select(c => c.Name);

    public T InputOf<T>(string activity) => (T)Assert.Single(Calls, c => c.Name == activity).Input;

    /// <summary>Runs the orchestrator for <paramref name="request"/> to its end on a fresh test host.</summary>
    public async Task<IngestRun> RunAsync(IngestRequest request, WorkflowRetryPolicy? retry = null)
    {
        var orchestrator = new IngestOrchestrator(OrchestrationClock.Instance, retry ?? new WorkflowRetryPolicy(1, TimeSpan.FromMilliseconds(10), 1.0, TimeSpan.FromMilliseconds(10)));
        var segments = new ChunkSegmentOrchestrator(OrchestrationClock.Instance, retry ?? new WorkflowRetryPolicy(1, TimeSpan.FromMilliseconds(10), 1.0, TimeSpan.FromMilliseconds(10)));
        var scheduleSegments = new ScheduleSegmentOrchestrator(retry ?? new WorkflowRetryPolicy(1, TimeSpan.FromMilliseconds(10), 1.0, TimeSpan.FromMilliseconds(10)));
        await using var host = await DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestrator(IngestActivityNames.Workflow, orchestrator);
            registry.AddOrchestrator(IngestActivityNames.StoreChunkSegment, segments);
            registry.AddOrchestrator(IngestActivityNames.ScheduleGroupSegment, scheduleSegments);
            registry.AddActivityFunc<ReceiveInput, ReceivedBatch>(IngestActivityNames.Receive, (_, input) => Record(IngestActivityNames.Receive, input!, () => Receive(input!)));
            registry.AddActivityFunc<BatchStep, ValidatedBatch>(IngestActivityNames.Validate, (_, input) => Record(IngestActivityNames.Validate, input!, () => ValidateFailure is null ? Validated : throw ValidateFailure));
            registry.AddActivityFunc<ChunkStep, StoreCounts>(IngestActivityNames.StoreChunk, (_, input) => StoreChunkAsync(input!));
            foreach (var name in new[] { IngestActivityNames.RecordStored, IngestActivityNames.Complete })
            {
                registry.AddActivityFunc<StoredStep, bool>(name, (_, input) => Record(name, input!, () => true));
            }

            registry.AddActivityFunc<BatchStep, bool>(IngestActivityNames.Aggregate, (_, input) => Record(IngestActivityNames.Aggregate, input!, () => true));
            registry.AddActivityFunc<BatchStep, SchedulePlan>(IngestActivityNames.PlanSchedule, (_, input) => Record(IngestActivityNames.PlanSchedule, input!, () => Plan));
            registry.AddActivityFunc<ScheduleGroupStep, int>(IngestActivityNames.ScheduleGroup, (_, input) => _groups.RunAsync(() => Record(IngestActivityNames.ScheduleGroup, input!, () => GroupAnswer(input!.Group))));
            registry.AddActivityFunc<ScheduledStep, bool>(IngestActivityNames.RecordScheduled, (_, input) => Record(IngestActivityNames.RecordScheduled, input!, () => true));

            registry.AddActivityFunc<FailureStep, bool>(IngestActivityNames.RecordFailure, (_, input) => Record(IngestActivityNames.RecordFailure, input!, () => true));
        }, new DurableTaskTestHostOptions { Port = LoopbackPort.Free() });

        var started = DateTimeOffset.UtcNow;
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(IngestActivityNames.Workflow, request, new StartOrchestrationOptions { InstanceId = request.Key.InstanceId });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var metadata = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        return new IngestRun(metadata, started, DateTimeOffset.UtcNow);
    }

    private Task<T> Record<T>(string name, object input, Func<T> answer)
    {
        Calls.Enqueue((name, input));
        return Task.FromResult(answer());
    }

    private Task<StoreCounts> StoreChunkAsync(ChunkStep step) =>
        _chunks.RunAsync(() =>
        {
            Calls.Enqueue((IngestActivityNames.StoreChunk, step));
            return step.Chunk == FailingChunk && ChunkFailures-- > 0
                ? Task.FromException<StoreCounts>(new InvalidOperationException($"Chunk {step.Chunk} could not be stored."))
                : Task.FromResult(ChunkAnswer(step.Chunk));
        });

    /// <summary>Counts the calls of one kind running at once; each lasts long enough for the calls of one wave to overlap.</summary>
    private sealed class InFlightCounter
    {
        private int _now;
        private int _max;

        public int Max => Volatile.Read(ref _max);

        public async Task<T> RunAsync<T>(Func<Task<T>> call)
        {
            var now = Interlocked.Increment(ref _now);
            int seen;
            while ((seen = Volatile.Read(ref _max)) < now && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(40));
                return await call();
            }
            finally
            {
                Interlocked.Decrement(ref _now);
            }
        }
    }
}

/// <summary>How a test run ended: the instance's metadata and the wall-clock window it ran in.</summary>
internal sealed record IngestRun(Microsoft.DurableTask.Client.OrchestrationMetadata Metadata, DateTimeOffset Started, DateTimeOffset Finished)
{
    public IngestOutcome Outcome => Metadata.ReadOutputAs<IngestOutcome>()!;

    public IngestProgress? Progress => Metadata.ReadCustomStatusAs<IngestProgress>();
}
