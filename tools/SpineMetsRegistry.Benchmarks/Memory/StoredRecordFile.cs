using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using SpineMetsRegistry.Benchmarks.Support;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Deidentification;
using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Scoring;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Records;

namespace SpineMetsRegistry.Benchmarks.Memory;

/// <summary>
/// A generated site's records as the store activity stores them (validated, staged under the
/// limited data set, scored with provenance), one JSON line each, patient by patient; and a
/// record store that reads them back one patient at a time, as the table store's
/// <see cref="IRecordStore.ReadSiteByPatientAsync"/> does. The aggregate step can then be
/// measured over a million-row site without first storing it in the emulator, which takes hours.
/// </summary>
internal static class StoredRecordFile
{
    /// <summary>Writes the stored form of <paramref name="rows"/> generated rows of site S01; returns the records written.</summary>
    public static async Task<int> WriteAsync(string path, int rows)
    {
        var context = new BatchValidationContext
        {
            SiteCode = "S01",
            StudyIdPattern = BatchValidationContext.CompileStudyIdPattern(GeneratedBatch.StudyIdPattern("S01")),
            ReceivedOn = GeneratedBatch.ReceivedOn,
            KnownPatients = KnownPatientSnapshot.Empty,
        };
        var validator = new RecordValidator(context);
        var scorer = RecordScorer.Create(new InstrumentSettings()).Value!;
        var normaliser = new DatePolicyNormaliser(DatePolicy.LimitedDataSet, _ => null);
        var csv = Path.ChangeExtension(path, ".csv");
        GeneratedBatch.WriteCsvFile(csv, rows);

        var written = 0;
        await using (var input = File.OpenRead(csv))
        await using (var output = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16))
        {
            var reader = BatchReaders.Open(input, BatchFormat.Csv, context.ReaderLimits, context.Redcap, context.Dictionary);
            await foreach (var raw in reader.ReadAsync())
            {
                if (validator.Validate(raw).Record is not { } record || record.Kind == RecordKind.Withdrawal)
                {
                    continue; // rows with errors are not stored; withdrawals are not records
                }

                var staged = normaliser.Stage(record);
                await output.WriteLineAsync(JsonSerializer.Serialize(new StoredRecord
                {
                    Site = "S01",
                    Kind = record.Kind,
                    StudyId = record.StudyId,
                    RecordKey = record.RecordKey,
                    Values = staged.Values,
                    Scores = StoredScoreRenderer.Render(scorer.Score(record)),
                    ContentHash = StoreChunkActivity.ContentHash(staged.Values),
                    Version = 1,
                    SourceBatchKey = "aggregate-memory",
                    DictionaryVersion = context.Dictionary.Version,
                    StoredAt = DateTimeOffset.UnixEpoch,
                }));
                written++;
            }
        }

        File.Delete(csv);
        return written;
    }

    /// <summary>The records of a file written by <see cref="WriteAsync"/>, for the aggregate step alone.</summary>
    public sealed class Store(string path) : IRecordStore
    {
        public async IAsyncEnumerable<IReadOnlyList<StoredRecord>> ReadSiteByPatientAsync(string site, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            // The generator writes each patient's rows together: a new study ID starts a new patient.
            List<StoredRecord>? patient = null;
            using var reader = new StreamReader(path);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                var record = JsonSerializer.Deserialize<StoredRecord>(line) ?? throw new InvalidDataException("An empty stored record line.");
                if (patient is not null && patient[0].StudyId != record.StudyId)
                {
                    yield return patient;
                    patient = null;
                }

                (patient ??= []).Add(record);
            }

            if (patient is not null)
            {
                yield return patient;
            }
        }

        public Task<IReadOnlyDictionary<RecordId, StoredRecordState>> GetStatesAsync(string site, IReadOnlyCollection<RecordId> ids, CancellationToken cancellationToken = default) => throw Unused();

        public Task UpsertAsync(string site, IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken = default) => throw Unused();

        public Task<StoredRecord?> GetAsync(string site, RecordId id, CancellationToken cancellationToken = default) => throw Unused();

        public IAsyncEnumerable<StoredRecord> ReadSiteAsync(string site, CancellationToken cancellationToken = default) => throw Unused();

        public Task<IReadOnlyList<RecordVersion>> HistoryAsync(string site, RecordId id, CancellationToken cancellationToken = default) => throw Unused();

        public Task<int> WithdrawPatientAsync(string site, string studyId, DateTimeOffset at, string batchKey, CancellationToken cancellationToken = default) => throw Unused();

        public Task<KnownPatientSnapshot> LoadKnownPatientsAsync(string site, CancellationToken cancellationToken = default) => throw Unused();

        private static NotSupportedException Unused([CallerMemberName] string name = "") =>
            new($"The aggregate step does not call {name}.");
    }
}
