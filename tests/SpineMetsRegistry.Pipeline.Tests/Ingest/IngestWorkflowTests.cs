using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Tests.Support;

namespace SpineMetsRegistry.Pipeline.Tests.Ingest;

public sealed class IngestWorkflowTests
{
    private const string BatchKey = "visits-2026-03@0123456789ab";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly ValidationCounts Counts = new(10, 9, 1, 1, 0, 0);

    [Fact]
    public async Task RunAsync_AcceptedBatch_CallsEveryStepInOrder()
    {
        var context = Scripted(new ValidatedBatch(BatchDecision.PartiallyAccepted, true, 3, Counts));

        var (outcome, _) = await context.RunAsync(IngestRequests.For());

        Assert.Equal(
            [
                IngestActivityNames.Receive,
                IngestActivityNames.Validate,
                IngestActivityNames.StoreChunk,
                IngestActivityNames.StoreChunk,
                IngestActivityNames.StoreChunk,
                IngestActivityNames.RecordStored,
                IngestActivityNames.Aggregate,
                IngestActivityNames.Schedule,
                IngestActivityNames.Complete,
            ],
            context.Calls.Select(c => c.Name));
        Assert.Equal(new IngestOutcome("S01", BatchKey, BatchDecision.PartiallyAccepted, new StoreCounts(3, 0, 0, 0)), outcome);
    }

    [Fact]
    public async Task RunAsync_AcceptedBatch_StoresEveryChunkOnceAndTotalsTheirCounts()
    {
        var context = Scripted(new ValidatedBatch(BatchDecision.Accepted, true, 5, Counts));
        context.ChunkAnswer = chunk => new StoreCounts(chunk + 1, chunk, 1, chunk == 4 ? 1 : 0);

        var (outcome, _) = await context.RunAsync(IngestRequests.For());

        var chunks = context.Calls.Where(c => c.Name == IngestActivityNames.StoreChunk).Select(c => (ChunkStep)c.Input!).ToList();
        Assert.Equal([0, 1, 2, 3, 4], chunks.Select(c => c.Chunk).Order());
        Assert.All(chunks, c => Assert.Equal(("S01", BatchKey), (c.Site, c.BatchKey)));
        var total = new StoreCounts(15, 10, 5, 1);
        Assert.Equal(total, outcome.Stored);
        Assert.Equal(total, InputOf<StoredStep>(context, IngestActivityNames.RecordStored).Stored);
        Assert.Equal(total, InputOf<StoredStep>(context, IngestActivityNames.Complete).Stored);
    }

    [Theory]
    [InlineData(1, new[] { 1 })]
    [InlineData(8, new[] { 8 })]
    [InlineData(9, new[] { 8, 1 })]
    [InlineData(20, new[] { 8, 8, 4 })]
    [InlineData(40, new[] { 8, 8, 8, 8, 8 })]
    public async Task RunAsync_ManyChunks_StoresThemInWavesOfChunkWaveSize(int chunkCount, int[] waves)
    {
        var context = Scripted(new ValidatedBatch(BatchDecision.Accepted, true, chunkCount, Counts));

        var (outcome, inFlight) = await context.RunAsync(IngestRequests.For());

        Assert.Equal(waves, inFlight);
        Assert.Equal(IngestWorkflow.ChunkWaveSize, 8);
        Assert.True(inFlight.Max() <= IngestWorkflow.ChunkWaveSize);
        Assert.Equal(chunkCount, outcome.Stored.Inserted);
    }

    [Fact]
    public async Task RunAsync_NoChunks_StoresNothingButStillRecordsAndCompletes()
    {
        var context = Scripted(new ValidatedBatch(BatchDecision.Accepted, true, 0, Counts));

        var (outcome, inFlight) = await context.RunAsync(IngestRequests.For());

        Assert.Empty(inFlight);
        Assert.Equal(StoreCounts.None, outcome.Stored);
        Assert.Equal(
            [IngestActivityNames.Receive, IngestActivityNames.Validate, IngestActivityNames.RecordStored, IngestActivityNames.Aggregate, IngestActivityNames.Schedule, IngestActivityNames.Complete],
            context.Calls.Select(c => c.Name));
    }

    [Fact]
    public async Task RunAsync_UploadAlreadyIngested_StopsAfterReceive()
    {
        var context = new ScriptedWorkflowContext(Start);
        context.Answers[IngestActivityNames.Receive] = _ => new ReceivedBatch("S01", BatchKey, AlreadyCompleted: true);

        var (outcome, _) = await context.RunAsync(IngestRequests.For());

        Assert.Equal([IngestActivityNames.Receive], context.Calls.Select(c => c.Name));
        Assert.Equal(IngestOutcome.AlreadyIngested("S01", BatchKey), outcome);
    }

    [Theory]
    [InlineData(BatchDecision.Rejected)]
    [InlineData(BatchDecision.Quarantined)]
    [InlineData(BatchDecision.Held)]
    public async Task RunAsync_DecisionThatStoresNothing_GoesStraightToComplete(BatchDecision decision)
    {
        var context = Scripted(new ValidatedBatch(decision, false, 0, Counts));

        var (outcome, _) = await context.RunAsync(IngestRequests.For());

        Assert.Equal([IngestActivityNames.Receive, IngestActivityNames.Validate, IngestActivityNames.Complete], context.Calls.Select(c => c.Name));
        Assert.Equal(StoreCounts.None, InputOf<StoredStep>(context, IngestActivityNames.Complete).Stored);
        Assert.Equal(new IngestOutcome("S01", BatchKey, decision, StoreCounts.None), outcome);
    }

    [Fact]
    public async Task RunAsync_NotStoredEvenWithChunksStaged_StoresNoChunk()
    {
        // The decision, not the chunk count, decides whether records are stored.
        var context = Scripted(new ValidatedBatch(BatchDecision.Quarantined, false, 4, Counts));

        await context.RunAsync(IngestRequests.For());

        Assert.DoesNotContain(context.Calls, c => c.Name == IngestActivityNames.StoreChunk);
    }

    [Fact]
    public async Task RunAsync_EveryCall_CarriesTheWorkflowClockCurrentWhenItWasIssued()
    {
        var context = Scripted(new ValidatedBatch(BatchDecision.Accepted, true, 10, Counts));

        await context.RunAsync(IngestRequests.For());

        Assert.Equal(16, context.Calls.Count);
        Assert.All(context.Calls, call => Assert.Equal(call.ClockAtCall, ClockOf(call.Input)));
        Assert.Equal(context.Calls.Count, context.Calls.Select(c => ClockOf(c.Input)).Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_Receive_IsGivenTheRequest()
    {
        var context = Scripted(new ValidatedBatch(BatchDecision.Accepted, true, 1, Counts));
        var request = IngestRequests.For(site: "S01", fileName: "enrol.jsonl");

        await context.RunAsync(request);

        Assert.Same(request, InputOf<ReceiveInput>(context, IngestActivityNames.Receive).Request);
        var validate = InputOf<BatchStep>(context, IngestActivityNames.Validate);
        Assert.Equal(("S01", BatchKey), (validate.Site, validate.BatchKey));
    }

    [Fact]
    public async Task RunAsync_ValidateFails_RecordsTheFailureWithTheBatchKeyAndRethrows()
    {
        var context = Scripted(new ValidatedBatch(BatchDecision.Accepted, true, 1, Counts));
        context.Answers[IngestActivityNames.Validate] = _ => throw new InvalidOperationException("the staging area is unreachable");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => context.RunAsync(IngestRequests.For()));

        Assert.Equal("the staging area is unreachable", thrown.Message);
        Assert.Equal([IngestActivityNames.Receive, IngestActivityNames.Validate, IngestActivityNames.RecordFailure], context.Calls.Select(c => c.Name));
        var failure = InputOf<FailureStep>(context, IngestActivityNames.RecordFailure);
        Assert.Equal(("S01", BatchKey), (failure.Site, failure.BatchKey));
        Assert.Equal("InvalidOperationException: the staging area is unreachable", failure.Reason);
        Assert.Equal(context.Calls[^1].ClockAtCall, failure.At);
    }

    [Fact]
    public async Task RunAsync_ReceiveFails_RecordsTheFailureWithoutABatchKey()
    {
        var context = new ScriptedWorkflowContext(Start);
        context.Answers[IngestActivityNames.Receive] = _ => throw new IOException("blob gone");
        context.Answers[IngestActivityNames.RecordFailure] = _ => true;

        await Assert.ThrowsAsync<IOException>(() => context.RunAsync(IngestRequests.For()));

        var failure = InputOf<FailureStep>(context, IngestActivityNames.RecordFailure);
        Assert.Null(failure.BatchKey);
        Assert.Equal("IOException: blob gone", failure.Reason);
    }

    [Fact]
    public async Task RunAsync_AChunkFails_RecordsTheFailureAndRethrowsWithoutCompleting()
    {
        var context = Scripted(new ValidatedBatch(BatchDecision.Accepted, true, 10, Counts));
        context.FailingChunk = 3;

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.RunAsync(IngestRequests.For()));

        var names = context.Calls.Select(c => c.Name).ToList();
        Assert.Equal(IngestActivityNames.RecordFailure, names[^1]);
        Assert.DoesNotContain(IngestActivityNames.RecordStored, names);
        Assert.DoesNotContain(IngestActivityNames.Complete, names);
        Assert.Contains("Chunk 3 could not be stored.", InputOf<FailureStep>(context, IngestActivityNames.RecordFailure).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Cancelled_RecordsNoFailure()
    {
        // A host shutting down is not a failed batch: the instance resumes later.
        var context = Scripted(new ValidatedBatch(BatchDecision.Accepted, true, 1, Counts));
        context.Answers[IngestActivityNames.Validate] = _ => throw new OperationCanceledException();

        await Assert.ThrowsAsync<OperationCanceledException>(() => context.RunAsync(IngestRequests.For()));

        Assert.DoesNotContain(context.Calls, c => c.Name == IngestActivityNames.RecordFailure);
    }

    private static ScriptedWorkflowContext Scripted(ValidatedBatch validated)
    {
        var context = new ScriptedWorkflowContext(Start);
        context.Answers[IngestActivityNames.Receive] = input => new ReceivedBatch(((ReceiveInput)input!).Request.Site, BatchKey, AlreadyCompleted: false);
        context.Answers[IngestActivityNames.Validate] = _ => validated;
        foreach (var name in new[] { IngestActivityNames.RecordStored, IngestActivityNames.Aggregate, IngestActivityNames.Schedule, IngestActivityNames.Complete, IngestActivityNames.RecordFailure })
        {
            context.Answers[name] = _ => true;
        }

        return context;
    }

    private static T InputOf<T>(ScriptedWorkflowContext context, string activity) =>
        (T)Assert.Single(context.Calls, c => c.Name == activity).Input!;

    private static DateTimeOffset ClockOf(object? input) => input switch
    {
        ReceiveInput receive => receive.At,
        BatchStep step => step.At,
        ChunkStep chunk => chunk.At,
        StoredStep stored => stored.At,
        FailureStep failure => failure.At,
        _ => throw new InvalidOperationException($"Unexpected input {input?.GetType().Name}."),
    };
}
