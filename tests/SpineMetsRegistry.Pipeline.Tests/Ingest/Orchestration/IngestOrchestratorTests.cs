using Microsoft.DurableTask.Client;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ingest.Orchestration;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Tests.Support;
using SpineMetsRegistry.Pipeline.Workflows;

namespace SpineMetsRegistry.Pipeline.Tests.Ingest.Orchestration;

/// <summary>Every branch of the ingest orchestrator on the in-process Durable Task test host, with fake activities.</summary>
public sealed class IngestOrchestratorTests
{
    private const string BatchKey = FakeIngestActivities.BatchKey;
    private static readonly ValidationCounts Counts = new(10, 9, 1, 1, 0, 0);

    [Fact]
    public async Task RunAsync_AcceptedBatch_CallsEveryStepInOrder()
    {
        var activities = new FakeIngestActivities(new ValidatedBatch(BatchDecision.Accepted, true, 3, Counts));

        var run = await activities.RunAsync(IngestRequests.For());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.Metadata.RuntimeStatus);
        Assert.Equal(
            [
                IngestActivityNames.Receive, IngestActivityNames.Validate,
                IngestActivityNames.StoreChunk, IngestActivityNames.StoreChunk, IngestActivityNames.StoreChunk,
                IngestActivityNames.RecordStored, IngestActivityNames.Aggregate,
                IngestActivityNames.PlanSchedule, IngestActivityNames.ScheduleGroup, IngestActivityNames.ScheduleGroup, IngestActivityNames.RecordScheduled,
                IngestActivityNames.Complete,
            ],
            activities.Names);
        Assert.Equal(new IngestOutcome("S01", BatchKey, BatchDecision.Accepted, new StoreCounts(3, 0, 0, 0)), run.Outcome);
    }

    [Theory]
    [InlineData(0, 0, 0, false)]
    [InlineData(1, 0, 0, true)]
    [InlineData(0, 1, 0, true)]
    [InlineData(0, 0, 1, true)]
    public async Task RunAsync_StoredRecords_AggregatesAndSchedulesOnlyWhenARecordChanged(int inserted, int updated, int withdrawn, bool recomputes)
    {
        var activities = new FakeIngestActivities(new ValidatedBatch(BatchDecision.PartiallyAccepted, true, 2, Counts))
        {
            ChunkAnswer = chunk => chunk == 0 ? new StoreCounts(inserted, updated, 3, withdrawn) : new StoreCounts(0, 0, 2, 0),
        };

        var run = await activities.RunAsync(IngestRequests.For());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.Metadata.RuntimeStatus);
        Assert.Equal(recomputes, activities.Names.Contains(IngestActivityNames.Aggregate));
        Assert.Equal(recomputes, activities.Names.Contains(IngestActivityNames.PlanSchedule));
        Assert.Equal(recomputes, activities.Names.Contains(IngestActivityNames.RecordScheduled));
        Assert.Equal(new StoreCounts(inserted, updated, 5, withdrawn), activities.InputOf<StoredStep>(IngestActivityNames.Complete).Stored);
    }

    [Fact]
    public async Task RunAsync_PartiallyAcceptedBatch_StoresEveryChunkOnceAndTotalsTheirCounts()
    {
        var activities = new FakeIngestActivities(new ValidatedBatch(BatchDecision.PartiallyAccepted, true, 5, Counts))
        {
            ChunkAnswer = chunk => new StoreCounts(chunk + 1, chunk, 1, chunk == 4 ? 1 : 0),
        };

        var run = await activities.RunAsync(IngestRequests.For());

        var chunks = activities.Calls.Where(c => c.Name == IngestActivityNames.StoreChunk).Select(c => (ChunkStep)c.Input).ToList();
        Assert.Equal([0, 1, 2, 3, 4], chunks.Select(c => c.Chunk).Order());
        Assert.All(chunks, c => Assert.Equal(("S01", BatchKey), (c.Site, c.BatchKey)));
        var total = new StoreCounts(15, 10, 5, 1);
        Assert.Equal(new IngestOutcome("S01", BatchKey, BatchDecision.PartiallyAccepted, total), run.Outcome);
        Assert.Equal(total, activities.InputOf<StoredStep>(IngestActivityNames.RecordStored).Stored);
        Assert.Equal(total, activities.InputOf<StoredStep>(IngestActivityNames.Complete).Stored);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(20)]
    public async Task RunAsync_ManyChunks_NeverRunsMoreThanAWaveAtOnce(int chunkCount)
    {
        var activities = new FakeIngestActivities(new ValidatedBatch(BatchDecision.Accepted, true, chunkCount, Counts));

        var run = await activities.RunAsync(IngestRequests.For());

        Assert.InRange(activities.MaxChunksInFlight, 2, ChunkSegments.ChunkWaveSize);
        Assert.Equal(chunkCount, run.Outcome.Stored.Inserted);
        Assert.Equal(Enumerable.Range(0, chunkCount), activities.Calls.Where(c => c.Name == IngestActivityNames.StoreChunk).Select(c => ((ChunkStep)c.Input).Chunk).Order());
    }

    [Fact]
    public async Task RunAsync_MoreChunksThanOneSegment_StoresEachOnceThroughSubOrchestrationsAndReportsProgress()
    {
        var chunkCount = (2 * ChunkSegments.ChunksPerSegment) + 3;
        var activities = new FakeIngestActivities(new ValidatedBatch(BatchDecision.Accepted, true, chunkCount, Counts));

        var run = await activities.RunAsync(IngestRequests.For());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.Metadata.RuntimeStatus);
        Assert.Equal(Enumerable.Range(0, chunkCount), activities.Calls.Where(c => c.Name == IngestActivityNames.StoreChunk).Select(c => ((ChunkStep)c.Input).Chunk).Order());
        Assert.Equal(chunkCount, run.Outcome.Stored.Inserted);
        Assert.Equal(new IngestProgress(IngestSteps.Complete, chunkCount, chunkCount), run.Progress);
    }

    [Fact]
    public void Split_ChunkCount_CoversEveryChunkOnceInSegmentsOfAtMostTheSegmentSize()
    {
        var segments = ChunkSegments.Split("S01", BatchKey, 200).ToList();

        Assert.Equal([(0, 64), (64, 64), (128, 64), (192, 8)], segments.Select(s => (s.FirstChunk, s.Count)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public async Task RunAsync_ScheduleGroups_UpdatesEachOnceInWavesWithTheStepsClockAndRecordsTheTotals(int groupCount)
    {
        var activities = new FakeIngestActivities(new ValidatedBatch(BatchDecision.Accepted, true, 2, Counts)) { Plan = new SchedulePlan(groupCount, 7_777) };

        var run = await activities.RunAsync(IngestRequests.For());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.Metadata.RuntimeStatus);
        var groups = activities.Calls.Where(c => c.Name == IngestActivityNames.ScheduleGroup).Select(c => (ScheduleGroupStep)c.Input).ToList();
        Assert.Equal(Enumerable.Range(0, groupCount), groups.Select(g => g.Group).Order());
        var plan = activities.InputOf<BatchStep>(IngestActivityNames.PlanSchedule);
        Assert.All(groups, g => Assert.Equal(("S01", BatchKey, plan.At), (g.Site, g.BatchKey, g.At)));
        Assert.Equal(plan.At, activities.InputOf<ScheduledStep>(IngestActivityNames.RecordScheduled).At);
        Assert.InRange(activities.MaxGroupsInFlight, 1, ScheduleSegments.GroupWaveSize);
        var recorded = activities.InputOf<ScheduledStep>(IngestActivityNames.RecordScheduled);
        Assert.Equal((7_777, Enumerable.Range(0, groupCount).Sum(g => g + 10)), (recorded.Patients, recorded.Visits));
        var names = activities.Names.ToList();
        Assert.True(names.LastIndexOf(IngestActivityNames.ScheduleGroup) < names.IndexOf(IngestActivityNames.RecordScheduled));
        Assert.True(names.IndexOf(IngestActivityNames.PlanSchedule) < names.IndexOf(IngestActivityNames.ScheduleGroup));
    }

    [Fact]
    public async Task RunAsync_MoreScheduleGroupsThanOneSegment_UpdatesEachOnceThroughSubOrchestrations()
    {
        var groupCount = ScheduleSegments.GroupsPerSegment + 5;
        var activities = new FakeIngestActivities(new ValidatedBatch(BatchDecision.Accepted, true, 1, Counts)) { Plan = new SchedulePlan(groupCount, 70_000), GroupAnswer = _ => 3 };

        var run = await activities.RunAsync(IngestRequests.For());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.Metadata.RuntimeStatus);
        var groups = activities.Calls.Where(c => c.Name == IngestActivityNames.ScheduleGroup).Select(c => (ScheduleGroupStep)c.Input).ToList();
        Assert.Equal(Enumerable.Range(0, groupCount), groups.Select(g => g.Group).Order());
        Assert.Single(groups.Select(g => g.At).Distinct());
        Assert.Equal(3 * groupCount, activities.InputOf<ScheduledStep>(IngestActivityNames.RecordScheduled).Visits);
        Assert.InRange(activities.MaxGroupsInFlight, 2, ScheduleSegments.GroupWaveSize);
    }

    [Fact]
    public async Task RunAsync_NoScheduleGroups_StillRecordsTheScheduleStep()
    {
        var activities = new FakeIngestActivities(new ValidatedBatch(BatchDecision.Accepted, true, 1, Counts)) { Plan = SchedulePlan.Nothing };

        await activities.RunAsync(IngestRequests.For());

        Assert.DoesNotContain(IngestActivityNames.ScheduleGroup, activities.Names);
        Assert.Equal((0, 0), (activities.InputOf<ScheduledStep>(IngestActivityNames.RecordScheduled).Patients, activities.InputOf<ScheduledStep>(IngestActivityNames.RecordScheduled).Visits));
    }

    [Fact]
    public void Split_GroupCount_CoversEveryGroupOnceInSegmentsOfAtMostTheSegmentSizeWithOneClock()
    {
        var at = new DateTimeOffset(2026, 12, 5, 23, 59, 0, TimeSpan.Zero);

        var segments = ScheduleSegments.Split("S01", BatchKey, 130, at).ToList();

        Assert.Equal([(0, 64), (64, 64), (128, 2)], segments.Select(s => (s.FirstGroup, s.Count)));
        Assert.All(segments, s => Assert.Equal(at, s.At));
    }

    [Fact]
    public async Task RunAsync_NoChunks_StoresNothingButStillRecordsAndCompletes()
    {
        var activities = new FakeIngestActivities(new ValidatedBatch(BatchDecision.Accepted, true, 0, Counts));

        var run = await activities.RunAsync(IngestRequests.For());

        // Nothing changed, so there is nothing to aggregate or schedule.
        Assert.Equal(StoreCounts.None, run.Outcome.Stored);
        Assert.Equal(
            [IngestActivityNames.Receive, IngestActivityNames.Validate, IngestActivityNames.RecordStored, IngestActivityNames.Complete],
            activities.Names);
    }

    [Fact]
    public async Task RunAsync_UploadAlreadyIngested_StopsAfterReceive()
    {
        var activities = new FakeIngestActivities(new ValidatedBatch(BatchDecision.Accepted, true, 1, Counts))
        {
            Receive = input => new ReceivedBatch(input.Request.Site, BatchKey, AlreadyCompleted: true),
        };

        var run = await activities.RunAsync(IngestRequests.For());

        Assert.Equal([IngestActivityNames.Receive], activities.Names);
        Assert.Equal(IngestOutcome.AlreadyIngested("S01", BatchKey), run.Outcome);
    }

    [Theory]
    [InlineData(BatchDecision.Rejected)]
    [InlineData(BatchDecision.Quarantined)]
    [InlineData(BatchDecision.Held)]
    public async Task RunAsync_DecisionThatStoresNothing_GoesStraightToComplete(BatchDecision decision)
    {
        // The decision, not the chunk count, decides whether records are stored.
        var activities = new FakeIngestActivities(new ValidatedBatch(decision, false, 4, Counts));

        var run = await activities.RunAsync(IngestRequests.For());

        Assert.Equal([IngestActivityNames.Receive, IngestActivityNames.Validate, IngestActivityNames.Complete], activities.Names);
        Assert.Equal(StoreCounts.None, activities.InputOf<StoredStep>(IngestActivityNames.Complete).Stored);
        Assert.Equal(new IngestOutcome("S01", BatchKey, decision, StoreCounts.None), run.Outcome);
        Assert.Equal(new IngestProgress(IngestSteps.Complete, 0, 0), run.Progress);
    }

    [Fact]
    public async Task RunAsync_EveryCall_CarriesTheOrchestrationClockWithinTheRun()
    {
        var activities = new FakeIngestActivities(new ValidatedBatch(BatchDecision.Accepted, true, 10, Counts));

        var run = await activities.RunAsync(IngestRequests.For());

        var clocks = activities.Calls.Select(c => ClockOf(c.Input)).ToList();
        Assert.Equal(19, clocks.Count);
        Assert.All(clocks, at => Assert.InRange(at, run.Started.AddSeconds(-1), run.Finished.AddSeconds(1)));
        Assert.True(ClockOf(activities.InputOf<StoredStep>(IngestActivityNames.Complete)) >= ClockOf(activities.InputOf<BatchStep>(IngestActivityNames.Validate)));
    }

    [Fact]
    public async Task RunAsync_Receive_IsGivenTheRequest()
    {
        var activities = new FakeIngestActivities(new ValidatedBatch(BatchDecision.Accepted, true, 1, Counts));
        var request = IngestRequests.For(site: "S01", fileName: "enrol.jsonl");

        await activities.RunAsync(request);

        Assert.Equal(request, activities.InputOf<ReceiveInput>(IngestActivityNames.Receive).Request);
        var validate = activities.InputOf<BatchStep>(IngestActivityNames.Validate);
        Assert.Equal(("S01", BatchKey), (validate.Site, validate.BatchKey));
    }

    [Fact]
    public async Task RunAsync_ValidateFails_RecordsTheFailureWithTheBatchKeyAndFails()
    {
        var activities = new FakeIngestActivities(new ValidatedBatch(BatchDecision.Accepted, true, 1, Counts))
        {
            ValidateFailure = new InvalidOperationException("the staging area is unreachable"),
        };

        var run = await activities.RunAsync(IngestRequests.For());

        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.Metadata.RuntimeStatus);
        Assert.Equal([IngestActivityNames.Receive, IngestActivityNames.Validate, IngestActivityNames.RecordFailure], activities.Names);
        var failure = activities.InputOf<FailureStep>(IngestActivityNames.RecordFailure);
        Assert.Equal(("S01", BatchKey), (failure.Site, failure.BatchKey));
        Assert.Equal("InvalidOperationException: the staging area is unreachable", failure.Reason);
    }

    [Fact]
    public async Task RunAsync_ReceiveFails_RecordsTheFailureWithoutABatchKey()
    {
        var activities = new FakeIngestActivities(new ValidatedBatch(BatchDecision.Accepted, true, 1, Counts))
        {
            Receive = _ => throw new IOException("blob gone"),
        };

        var run = await activities.RunAsync(IngestRequests.For());

        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.Metadata.RuntimeStatus);
        var failure = activities.InputOf<FailureStep>(IngestActivityNames.RecordFailure);
        Assert.Null(failure.BatchKey);
        Assert.Equal("IOException: blob gone", failure.Reason);
    }

    [Fact]
    public async Task RunAsync_AChunkFails_RecordsTheFailureAndFailsWithoutCompleting()
    {
        var activities = new FakeIngestActivities(new ValidatedBatch(BatchDecision.Accepted, true, 10, Counts)) { FailingChunk = 3 };

        var run = await activities.RunAsync(IngestRequests.For());

        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.Metadata.RuntimeStatus);
        var names = activities.Names.ToList();
        Assert.Equal(IngestActivityNames.RecordFailure, names[^1]);
        Assert.DoesNotContain(IngestActivityNames.RecordStored, names);
        Assert.DoesNotContain(IngestActivityNames.Complete, names);
        Assert.Equal("InvalidOperationException: Chunk 3 could not be stored.", activities.InputOf<FailureStep>(IngestActivityNames.RecordFailure).Reason);
    }

    [Fact]
    public async Task RunAsync_AChunkFailsLessOftenThanTheRetryPolicyAllows_IsRetriedByTheEngineAndCompletes()
    {
        var activities = new FakeIngestActivities(new ValidatedBatch(BatchDecision.Accepted, true, 2, Counts)) { FailingChunk = 1, ChunkFailures = 2 };

        var run = await activities.RunAsync(IngestRequests.For(), new WorkflowRetryPolicy(3, TimeSpan.FromMilliseconds(50), 2.0, TimeSpan.FromMilliseconds(200)));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.Metadata.RuntimeStatus);
        Assert.Equal(3, activities.Calls.Count(c => c.Name == IngestActivityNames.StoreChunk && ((ChunkStep)c.Input).Chunk == 1));
        Assert.DoesNotContain(IngestActivityNames.RecordFailure, activities.Names);
    }

    private static DateTimeOffset ClockOf(object input) => input switch
    {
        ReceiveInput r => r.At,
        BatchStep b => b.At,
        ChunkStep c => c.At,
        ScheduleGroupStep g => g.At,
        ScheduledStep s => s.At,
        StoredStep s => s.At,
        FailureStep f => f.At,
        _ => throw new InvalidOperationException("Unknown activity input."),
    };
}
