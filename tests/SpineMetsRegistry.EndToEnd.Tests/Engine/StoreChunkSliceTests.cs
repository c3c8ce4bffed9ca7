using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.EndToEnd.Tests.Reliability.Support;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Pipeline.Workflows;
using SpineMetsRegistry.Storage.Records;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Engine;

/// <summary>
/// A chunk is written <see cref="StoreChunkActivity.WriteSliceSize"/> records at a time, so
/// one activity never holds a whole chunk's stored form. An attempt that dies between two
/// slices leaves whole records behind; the retry must recognise them as its own and end with
/// exactly the storage and counts of an attempt that never failed.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class StoreChunkSliceTests(AzuriteFixture azurite)
{
    private static readonly WorkflowRetryPolicy Retry = new(3, TimeSpan.FromMilliseconds(200), 1.0, TimeSpan.FromMilliseconds(200));

    [Fact]
    public async Task StoreChunk_AttemptDiesAfterTwoSlices_RetryStoresAndCountsExactlyAsACleanRun()
    {
        using var registry = TestRegistry.Create("S01");
        // 60 patients: one chunk (under 250 records) of four or more slices.
        var batch = ReliabilityBatches.For("S01", 1, patients: 60);

        var clean = StorageNamespace.Create(azurite);
        var cleanWrites = new SliceCountingRecordStore(failingWrite: null);
        var cleanEntry = await IngestAsync(clean, registry, batch, cleanWrites);

        var crashed = StorageNamespace.Create(azurite);
        var crashingWrites = new SliceCountingRecordStore(failingWrite: 3);
        var crashedEntry = await IngestAsync(crashed, registry, batch, crashingWrites);

        Assert.Equal(BatchStatus.Completed, cleanEntry?.Status);
        Assert.True(cleanWrites.Writes >= 4, $"The chunk was written in {cleanWrites.Writes} write(s), not in slices.");
        Assert.True(cleanWrites.LargestWrite <= StoreChunkActivity.WriteSliceSize, $"A write carried {cleanWrites.LargestWrite} records.");
        Assert.True(crashingWrites.Failed, "The injected failure between slices never happened.");
        Assert.Equal(BatchStatus.Completed, crashedEntry?.Status);
        Assert.Equal(cleanEntry!.Stored, crashedEntry!.Stored);
        Assert.Equal(cleanEntry.Validation!.Accepted, cleanEntry.Stored!.Inserted);
        Assert.True(cleanEntry.Stored.Inserted <= ValidateActivity.ChunkSize, "The batch was staged in more than one chunk.");
        StorageSnapshot.AssertEqual(await StorageSnapshot.ReadAsync(clean), await StorageSnapshot.ReadAsync(crashed), "the run whose chunk died between slices against the clean run");
    }

    private static async Task<BatchLedgerEntry?> IngestAsync(StorageNamespace storage, TestRegistry registry, Batch batch, SliceCountingRecordStore writes)
    {
        await using var host = await PipelineHost.StartAsync(storage, registry, new FakeTimeProvider(PipelineHost.Now), Retry, writes.Register);
        Assert.Equal(IngestStartStatus.Started, (await host.UploadAsync(batch.Site, batch.FileName, batch.Bytes)).Outcome);
        return await host.Get<IBatchLedger>().GetAsync(batch.Site, batch.Key.Value);
    }

    /// <summary>The table record store, counting its upserts and failing one of them once (the attempt dies before it writes).</summary>
    private sealed class SliceCountingRecordStore(int? failingWrite)
    {
        private readonly int? failingWrite = failingWrite;
        private int writes;

        public int Writes => writes;

        public int LargestWrite { get; private set; }

        public bool Failed { get; private set; }

        public void Register(IServiceCollection services) =>
            services.AddSingleton<IRecordStore>(provider => new Counting(ActivatorUtilities.CreateInstance<TableRecordStore>(provider), this));

        private sealed class Counting(IRecordStore inner, SliceCountingRecordStore owner) : IRecordStore
        {
            public Task UpsertAsync(string site, IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken = default)
            {
                var write = Interlocked.Increment(ref owner.writes);
                owner.LargestWrite = Math.Max(owner.LargestWrite, records.Count);
                if (write == owner.failingWrite && !owner.Failed)
                {
                    owner.Failed = true;
                    throw new IOException("The worker died between two slices of the chunk.");
                }

                return inner.UpsertAsync(site, records, cancellationToken);
            }

            public Task<IReadOnlyDictionary<RecordId, StoredRecordState>> GetStatesAsync(string site, IReadOnlyCollection<RecordId> ids, CancellationToken cancellationToken = default) =>
                inner.GetStatesAsync(site, ids, cancellationToken);

            public Task<StoredRecord?> GetAsync(string site, RecordId id, CancellationToken cancellationToken = default) =>
                inner.GetAsync(site, id, cancellationToken);

            public IAsyncEnumerable<StoredRecord> ReadSiteAsync(string site, CancellationToken cancellationToken = default) =>
                inner.ReadSiteAsync(site, cancellationToken);

            public IAsyncEnumerable<IReadOnlyList<StoredRecord>> ReadSiteByPatientAsync(string site, CancellationToken cancellationToken = default) =>
                inner.ReadSiteByPatientAsync(site, cancellationToken);

            public Task<IReadOnlyList<RecordVersion>> HistoryAsync(string site, RecordId id, CancellationToken cancellationToken = default) =>
                inner.HistoryAsync(site, id, cancellationToken);

            public Task<int> WithdrawPatientAsync(string site, string studyId, DateTimeOffset at, string batchKey, CancellationToken cancellationToken = default) =>
                inner.WithdrawPatientAsync(site, studyId, at, batchKey, cancellationToken);

            public Task<KnownPatientSnapshot> LoadKnownPatientsAsync(string site, CancellationToken cancellationToken = default) =>
                inner.LoadKnownPatientsAsync(site, cancellationToken);
        }
    }
}
