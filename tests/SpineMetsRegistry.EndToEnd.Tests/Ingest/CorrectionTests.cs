using Microsoft.Extensions.Time.Testing;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Ingest;

/// <summary>A corrected record with the same study ID and time point supersedes the stored one.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CorrectionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Correction_SameStudyIdAndTimePoint_StoresVersion2KeepsBothVersionsAndAggregatesTheNewValues()
    {
        using var registry = TestRegistry.Create("S01", "S02");
        await using var host = await PipelineHost.StartAsync(StorageNamespace.Create(azurite), registry, new FakeTimeProvider(PipelineHost.Now));
        var first = SiteBatches.First();
        await host.UploadAsync(first.Site, first.FileName, first.Bytes);

        // The site corrects the primary tumour and the alignment of S01-0001 (SINS 11 -> 13,
        // potentially unstable -> unstable) and the pain score of its 6-week visit.
        var correctedEnrollment = SiteBatches.FirstEnrollment.With(("primary_tumour", "kidney"), ("sins_alignment", "deformity"));
        var correctedVisit = SiteBatches.FirstSixWeeks.With(("nrs_pain", "4"));
        var corrections = Batch.Csv(SiteBatches.Site, "2025-12-08-corrections.csv", [correctedEnrollment, correctedVisit]);
        var outcome = await host.UploadAsync(corrections.Site, corrections.FileName, corrections.Bytes);

        Assert.Equal(IngestStartStatus.Started, outcome.Outcome);
        var ledger = host.Get<IBatchLedger>();
        var entry = await ledger.GetAsync(corrections.Site, corrections.Key.Value);
        Assert.NotNull(entry);
        Assert.Equal((BatchStatus.Completed, BatchDecision.Accepted), (entry.Status, entry.Decision));
        Assert.Equal(new StoreCounts(Inserted: 0, Updated: 2, Unchanged: 0, Withdrawn: 0), entry.Stored);

        var records = host.Get<IRecordStore>();
        var enrollmentId = new RecordId("S01-0001", "enrollment");
        var enrollment = await records.GetAsync(SiteBatches.Site, enrollmentId);
        Assert.NotNull(enrollment);
        Assert.Equal((2, corrections.Key.Value, "kidney"), (enrollment.Version, enrollment.SourceBatchKey, enrollment.Values["primary_tumour"]));
        var sins = enrollment.Scores.Single(s => s.Name == "sins_total");
        Assert.Equal((13m, "unstable"), (sins.Value, sins.Category));
        Assert.Equal(ClinicalOracle.SinsTotal(correctedEnrollment), (int?)sins.Value);

        var visit = await records.GetAsync(SiteBatches.Site, new RecordId("S01-0001", "6w"));
        Assert.NotNull(visit);
        Assert.Equal((2, "4"), (visit.Version, visit.Values["nrs_pain"]));

        // The history keeps both versions with the batch that supplied each.
        var history = await records.HistoryAsync(SiteBatches.Site, enrollmentId);
        Assert.Equal([(1, first.Key.Value), (2, corrections.Key.Value)], history.Select(v => (v.Version, v.BatchKey)));
        Assert.NotEqual(history[0].ContentHash, history[1].ContentHash);
        Assert.Equal(enrollment.ContentHash, history[1].ContentHash);
        var visitHistory = await records.HistoryAsync(SiteBatches.Site, new RecordId("S01-0001", "6w"));
        Assert.Equal([(1, first.Key.Value), (2, corrections.Key.Value)], visitHistory.Select(v => (v.Version, v.BatchKey)));

        // Untouched records keep version 1; the first batch's ledger entry is kept as it was.
        Assert.Equal(1, (await records.GetAsync(SiteBatches.Site, new RecordId("S01-0002", "enrollment")))!.Version);
        Assert.Equal(new StoreCounts(5, 0, 0, 0), (await ledger.GetAsync(first.Site, first.Key.Value))!.Stored);

        // The aggregates count the corrected values only.
        var current = new[] { correctedEnrollment, correctedVisit, SiteBatches.SecondEnrollment, SiteBatches.ThirdEnrollment, SiteBatches.ThirdDied };
        var expected = ExpectedAggregates.From(current);
        Assert.Equal(1, expected.ByMonthPrimary["2025-09|kidney"]);
        Assert.False(expected.ByMonthPrimary.ContainsKey("2025-09|breast"));
        await expected.AssertStoredAsync(host.Get<IAggregateStore>(), AggregateScopes.Site(SiteBatches.Site));
        await expected.AssertStoredAsync(host.Get<IAggregateStore>(), AggregateScopes.Pooled);
    }
}
