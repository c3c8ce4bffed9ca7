using System.Security.Cryptography;
using System.Text;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Pipeline.Schedule;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// Store one staged chunk: score each record, decide whether it is new, a correction
/// (superseding the stored version, which the history keeps) or identical to what is stored
/// (a no-op), and write the changed ones in entity-group transactions with deterministic
/// keys. Withdrawals remove every record and scheduled visit of the patient. A retried chunk
/// finds its own earlier writes and counts them exactly as the first attempt would have.
/// </summary>
public sealed class StoreChunkActivity(
    ICentralBlobs central,
    IRecordStore records,
    IScheduleStore schedule,
    IBatchLedger ledger,
    IAuditLog audit,
    RegistryPolicies policies)
{
    /// <summary>
    /// Records scored, rendered and written at a time. A stored record is far larger than its
    /// staged line (every score's provenance note, twice over as the entity's JSON and the
    /// transaction's body), and eight chunks are stored at once: written 50 at a time, a chunk
    /// holds a fifth of that instead of all 250. The site's partition gets more transactions
    /// (about 7 % more in all for 20,000 rows, BENCHMARKS.md); the history's per-patient
    /// transactions, most of a chunk's requests, are the same.
    /// </summary>
    public const int WriteSliceSize = 50;

    /// <summary>Runs the activity.</summary>
    public async Task<StoreCounts> RunAsync(ChunkStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var entry = await LedgerUpdates.RequireAsync(ledger, step.Site, step.BatchKey, cancellationToken);
        if (BatchLedgerRules.IsCompleted(entry))
        {
            // A late duplicate execution after the batch completed (its staging is gone and a
            // later batch may have corrected these records since): nothing to store, nothing reads the counts.
            return StoreCounts.None;
        }

        var staged = await ReadChunkAsync(step, cancellationToken);
        var dictionary = DataDictionary.Default;

        var withdrawn = 0;
        foreach (var withdrawal in staged.Where(s => s.Kind == RecordKinds.WithdrawalCode))
        {
            await records.WithdrawPatientAsync(step.Site, withdrawal.StudyId, step.At, step.BatchKey, cancellationToken);
            await schedule.DeletePatientAsync(step.Site, withdrawal.StudyId, cancellationToken);
            await audit.AppendAsync(
                new AuditEntry(step.At, "site:" + step.Site, "withdraw", withdrawal.StudyId, "ok", "consent withdrawn: every record of the patient removed"),
                $"withdraw|{step.Site}|{withdrawal.StudyId}|{step.BatchKey}",
                cancellationToken);
            withdrawn++;
        }

        var incoming = staged
            .Where(s => s.Kind != RecordKinds.WithdrawalCode)
            .Select(s => (Staged: s, Record: s.ToRecord(dictionary)))
            .Select(x => (x.Staged, x.Record, Values: StoredValues(x.Staged), Id: new RecordId(x.Record.StudyId, x.Record.RecordKey)))
            .ToList();
        var states = await records.GetStatesAsync(step.Site, incoming.Select(x => x.Id).ToList(), cancellationToken);

        int inserted = 0, updated = 0, unchanged = 0;
        var toWrite = new List<StoredRecord>(WriteSliceSize);
        foreach (var (_, record, values, id) in incoming)
        {
            var hash = ContentHash(values);
            states.TryGetValue(id, out var state);
            if (state is not null && state.ContentHash == hash)
            {
                if (state.SourceBatchKey == step.BatchKey)
                {
                    // Written by an earlier attempt of this very batch: count it as that attempt did.
                    if (state.Version == 1)
                    {
                        inserted++;
                    }
                    else
                    {
                        updated++;
                    }
                }
                else
                {
                    unchanged++;
                }

                continue;
            }

            if (state is null)
            {
                inserted++;
            }
            else
            {
                updated++;
            }

            toWrite.Add(new StoredRecord
            {
                Site = step.Site,
                Kind = record.Kind,
                StudyId = record.StudyId,
                RecordKey = id.RecordKey,
                Values = values,
                Scores = StoredScoreRenderer.Render(policies.Scorer.Score(record)),
                ContentHash = hash,
                Version = (state?.Version ?? 0) + 1,
                SourceBatchKey = step.BatchKey,
                DictionaryVersion = entry.DictionaryVersion ?? dictionary.Version,
                StoredAt = step.At,
            });
            if (toWrite.Count == WriteSliceSize)
            {
                // Each slice writes its history rows before its records, so a crash between
                // slices leaves whole records behind, which the retry recognises as its own.
                await records.UpsertAsync(step.Site, toWrite, cancellationToken);
                toWrite.Clear();
            }
        }

        if (toWrite.Count > 0)
        {
            await records.UpsertAsync(step.Site, toWrite, cancellationToken);
        }

        return new StoreCounts(inserted, updated, unchanged, withdrawn);
    }

    private async Task<List<StagedRecord>> ReadChunkAsync(ChunkStep step, CancellationToken cancellationToken)
    {
        var staged = new List<StagedRecord>();
        await using var stream = await central.OpenReadAsync(CentralArea.Staging, BatchBlobNames.Chunk(step.Site, step.BatchKey, step.Chunk), cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                staged.Add(StagedRecord.FromJsonLine(line));
            }
        }

        return staged;
    }

    private static Dictionary<string, string> StoredValues(StagedRecord staged)
    {
        var values = new Dictionary<string, string>(staged.Values, StringComparer.Ordinal);
        foreach (var (code, value) in staged.Derived ?? [])
        {
            values[code] = value;
        }

        return values;
    }

    /// <summary>SHA-256 over the sorted canonical values: an identical re-upload has the same hash.</summary>
    public static string ContentHash(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder();
        foreach (var (code, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            text.Append(code).Append('=').Append(value).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
