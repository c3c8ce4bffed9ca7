using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using DurableTask.Core;
using Microsoft.Extensions.Time.Testing;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Testing.Azurite;
using Xunit.Abstractions;

namespace SpineMetsRegistry.EndToEnd.Tests.Recovery;

/// <summary>
/// A host killed anywhere in an ingest, then started afresh (a new service container and
/// engine worker over the same storage and task hub), resumes the orchestration and leaves
/// every table and blob exactly as a clean run does. The killed ingest is a second batch that exercises every kind of write: a new
/// enrollment, a new visit, a correction, an unchanged record and a withdrawal. Every run
/// shares one frozen clock, which the engine hands the activities as the workflow clock, so
/// time columns compare exactly.
/// </summary>
[Collection(EndToEndCollections.Recovery)]
[Trait("Category", "Reliability")]
public sealed class KillAndRestartTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    /// <summary>Runs killed and resumed side by side (each in its own storage namespace).</summary>
    private const int Parallelism = 4;

    private static readonly SemaphoreSlim BaselineGate = new(1, 1);
    private static CleanRun? _baseline;

    private static Batch Seed => SiteBatches.First();

    /// <summary>A correction, a new visit, an unchanged enrollment, a withdrawal and a new patient.</summary>
    private static Batch Update { get; } = Batch.Csv(SiteBatches.Site, "2025-12-10-update.csv",
    [
        SiteBatches.FirstEnrollment.With(("primary_tumour", "kidney"), ("sins_alignment", "deformity")),
        Rows.Row(("record_type", "followup"), ("study_id", "S01-0001"), ("time_point", "12w"), ("visit_date", "2025-12-08"),
            ("vital_status", "alive"), ("nrs_pain", "2"), ("eq5d_version", "5L"), ("eq5d_mo", "1"), ("eq5d_sc", "1"), ("eq5d_ua", "2"),
            ("eq5d_pd", "1"), ("eq5d_ad", "1"), ("saves_grade", "none"), ("reoperation", "no"), ("local_recurrence", "no")),
        SiteBatches.ThirdEnrollment,
        SiteBatches.Withdrawal("S01-0002"),
        SiteBatches.SecondEnrollment.With(("study_id", "S01-0004"), ("index_date", "2025-11-03"), ("primary_tumour", "prostate")),
    ]);

    /// <summary>How many of the clean update's storage writes a kill is tried before (a seeded sample; every activity boundary is tried).</summary>
    private const int SampledWrites = 6;

    private const int WriteSampleSeed = 20261204;

    [Fact]
    public async Task Resume_AfterKillBetweenAnyTwoSteps_EndsWithTheCleanRunsTablesAndBlobs()
    {
        var baseline = await BaselineAsync();
        var points = Enumerable.Range(1, baseline.ActivityCalls).Select(k => new CrashPoint(CrashKind.BeforeActivity, k)).ToList();

        await AssertEveryPointResumesToAsync(baseline, points);
    }

    [Fact]
    public async Task Resume_AfterKillOnceAnActivityReturnedButBeforeItsResultWasRecorded_ReRunsItToTheCleanRunsState()
    {
        var baseline = await BaselineAsync();
        var points = Enumerable.Range(1, baseline.ActivityCalls).Select(k => new CrashPoint(CrashKind.AfterActivity, k)).ToList();

        await AssertEveryPointResumesToAsync(baseline, points);
    }

    [Fact]
    public async Task Resume_AfterKillInsideAnActivityBetweenTwoOfItsWrites_ReRunsItToTheCleanRunsState()
    {
        var baseline = await BaselineAsync();
        // Every write would cost a recovery each (seconds apiece); a seeded sample, always
        // including the first and the last, changes from write to write only with the seed.
        var middle = Enumerable.Range(2, baseline.Writes - 2).ToArray();
        new Random(WriteSampleSeed).Shuffle(middle);
        var points = middle.Take(SampledWrites - 2).Append(1).Append(baseline.Writes).Order().Select(m => new CrashPoint(CrashKind.BeforeWrite, m)).ToList();

        await AssertEveryPointResumesToAsync(baseline, points);
    }

    [Fact]
    public async Task LocalHost_StartedAfterAKill_ResumesTheUnfinishedIngestToTheCleanRunsState()
    {
        var baseline = await BaselineAsync();
        using var registry = TestRegistry.Create("S01", "S02");
        var storage = StorageNamespace.Create(azurite);
        var clock = new FakeTimeProvider(PipelineHost.Now);
        await SeedAsync(storage, registry, clock);
        var plan = new CrashPlan(new CrashPoint(CrashKind.BeforeActivity, 3));
        await KillDuringUpdateAsync(storage, registry, clock, plan);

        // The real local host, on the same storage and the same frozen clock: its engine takes
        // the task hub's partitions over and finishes the orchestration.
        await using (var run = await LocalHostRun.StartAsync(azurite, registry, storage, services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))))
        {
            var instance = await Eventually.GetAsync(
                () => run.Host.Engine.Client.GetOrchestrationStateAsync(Update.Key.InstanceId),
                i => i is { OrchestrationStatus: not (OrchestrationStatus.Running or OrchestrationStatus.Pending) },
                TimeSpan.FromSeconds(90),
                "the resumed orchestration to finish");
            Assert.Equal(OrchestrationStatus.Completed, instance.OrchestrationStatus);
        }

        StorageSnapshot.AssertEqual(baseline.Snapshot, await StorageSnapshot.ReadAsync(storage), $"Restarted local host after {plan.Crashed}");
    }

    private async Task AssertEveryPointResumesToAsync(CleanRun baseline, IReadOnlyList<CrashPoint> points)
    {
        Assert.NotEmpty(points);
        output.WriteLine($"{points.Count} crash points ({points[0]} .. {points[^1]}); the clean update makes {baseline.ActivityCalls} activity calls and {baseline.Writes} storage writes.");
        using var registry = TestRegistry.Create("S01", "S02");
        var failures = new ConcurrentBag<string>();
        var recoveries = new ConcurrentBag<(CrashPoint Point, double Seconds)>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(points, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (point, cancellationToken) =>
        {
            try
            {
                var storage = StorageNamespace.Create(azurite);
                var clock = new FakeTimeProvider(PipelineHost.Now);
                await SeedAsync(storage, registry, clock);
                var plan = new CrashPlan(point);
                await KillDuringUpdateAsync(storage, registry, clock, plan);

                var recovery = Stopwatch.StartNew();
                await using (var restarted = await PipelineHost.StartAsync(storage, registry, clock))
                {
                    var state = await restarted.WaitForAsync(Update.Key.InstanceId, cancellationToken);
                    recoveries.Add((point, recovery.Elapsed.TotalSeconds));
                    if (state.OrchestrationStatus != OrchestrationStatus.Completed)
                    {
                        failures.Add($"{point}: the resumed orchestration ended {state.OrchestrationStatus}: {state.FailureDetails?.ErrorMessage}");
                        return;
                    }
                }

                var differences = StorageSnapshot.Differences(baseline.Snapshot, await StorageSnapshot.ReadAsync(storage));
                if (differences.Count > 0)
                {
                    failures.Add($"{point} (killed {plan.Crashed}): {differences.Count} difference(s) from the clean run:\n  " + string.Join("\n  ", differences.Take(6)));
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                failures.Add($"{point}: {exception}");
            }
        });

        var seconds = recoveries.Select(r => r.Seconds).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{recoveries.Count} kills survived in {clock.Elapsed.TotalSeconds:F0} s; restart to finished orchestration: median {(seconds.Count > 0 ? seconds[seconds.Count / 2] : double.NaN):F1} s, max {(seconds.Count > 0 ? seconds[^1] : double.NaN):F1} s"));
        foreach (var (point, took) in recoveries.OrderBy(r => r.Point.Number))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {point}: resumed to the end in {took:F1} s"));
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} of {points.Count} crash points did not resume to the clean run's state:\n" + string.Join("\n", failures.OrderBy(f => f, StringComparer.Ordinal)));
    }

    /// <summary>Kills a host during the update's ingest; asserts it died where planned and left the orchestration running.</summary>
    private static async Task KillDuringUpdateAsync(StorageNamespace storage, TestRegistry registry, TimeProvider clock, CrashPlan plan)
    {
        var dying = await PipelineHost.StartAsync(storage, registry, clock, configure: plan.Install);
        try
        {
            var blob = await dying.PutIncomingAsync(Update.Site, Update.FileName, Update.Bytes);
            plan.Arm();
            Assert.Equal(IngestStartStatus.Started, Assert.Single(await dying.StartAsync(blob)).Outcome);
            await plan.Killed.WaitAsync(PipelineHost.OrchestrationTimeout);
            // Unfinished: running, or still pending when the host died in the first activity
            // before the engine recorded the instance as running.
            var state = await dying.Engine.Client.GetOrchestrationStateAsync(Update.Key.InstanceId);
            Assert.Contains(state?.OrchestrationStatus, new OrchestrationStatus?[] { OrchestrationStatus.Running, OrchestrationStatus.Pending });
        }
        finally
        {
            await dying.KillAsync();
        }

        Assert.NotNull(plan.Crashed);
    }

    private static async Task SeedAsync(StorageNamespace storage, TestRegistry registry, TimeProvider clock)
    {
        await using var seeding = await PipelineHost.StartAsync(storage, registry, clock);
        Assert.Equal(IngestStartStatus.Started, (await seeding.UploadAsync(Seed.Site, Seed.FileName, Seed.Bytes)).Outcome);
    }

    /// <summary>The clean run, computed once: seed then update without a crash, counting the update's steps and writes.</summary>
    private async Task<CleanRun> BaselineAsync()
    {
        await BaselineGate.WaitAsync();
        try
        {
            if (_baseline is not null)
            {
                return _baseline;
            }

            using var registry = TestRegistry.Create("S01", "S02");
            var storage = StorageNamespace.Create(azurite);
            var clock = new FakeTimeProvider(PipelineHost.Now);
            await SeedAsync(storage, registry, clock);
            var counting = new CrashPlan(CrashPoint.Never);
            await using (var host = await PipelineHost.StartAsync(storage, registry, clock, configure: counting.Install))
            {
                var blob = await host.PutIncomingAsync(Update.Site, Update.FileName, Update.Bytes);
                counting.Arm();
                Assert.Equal(IngestStartStatus.Started, Assert.Single(await host.AnnounceAsync(blob)).Outcome);
                var entry = await host.Get<IBatchLedger>().GetAsync(Update.Site, Update.Key.Value);
                Assert.Equal(BatchStatus.Completed, entry?.Status);
                Assert.Equal(new StoreCounts(Inserted: 2, Updated: 1, Unchanged: 1, Withdrawn: 1), entry?.Stored);
            }

            // receive, validate, one chunk, stored, aggregate, plan the schedule, one schedule group, scheduled, complete
            Assert.Equal(9, counting.ActivitiesFinished);
            _baseline = new CleanRun(await StorageSnapshot.ReadAsync(storage), counting.ActivitiesFinished, counting.Writes);
            return _baseline;
        }
        finally
        {
            BaselineGate.Release();
        }
    }

    private sealed record CleanRun(StorageSnapshot Snapshot, int ActivityCalls, int Writes);
}
