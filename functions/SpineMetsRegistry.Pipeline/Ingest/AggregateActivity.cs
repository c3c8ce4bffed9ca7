using System.Globalization;
using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Domain.Committee;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Records;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// Recompute what the batch touched: the site's aggregate tables from the site's records
/// (one partition), then the pooled tables by merging every site's stored tables. Other
/// sites' records are never re-read, and rerunning gives the same tables.
/// </summary>
public sealed class AggregateActivity(IRecordStore records, IAggregateStore aggregates, IBatchLedger ledger, RegistryPolicies policies)
{
    /// <summary>Runs the activity.</summary>
    public async Task<bool> RunAsync(BatchStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var entry = await LedgerUpdates.RequireAsync(ledger, step.Site, step.BatchKey, cancellationToken);
        if (BatchLedgerRules.IsCompleted(entry))
        {
            return true; // a late duplicate execution: later batches may have recomputed the tables since
        }

        var siteCount = await RecomputeSiteAsync(step.Site, step.BatchKey, step.At, cancellationToken);
        var pooledCount = await RecomputePooledAsync(step.BatchKey, step.At, cancellationToken);
        await LedgerUpdates.AdvanceAsync(ledger, entry, BatchStatus.Aggregated, step.At,
            string.Create(CultureInfo.InvariantCulture, $"{siteCount} site tables and {pooledCount} pooled tables recomputed"), null, cancellationToken);
        return true;
    }

    /// <summary>
    /// Recomputes one site's tables from its records; returns how many tables were written.
    /// The records are read one patient at a time and folded into the running tables, the
    /// committee's statistics cells and the data-quality counts as they come: the memory is
    /// that of the tables and of one page of patients, never the site's records.
    /// </summary>
    public async Task<int> RecomputeSiteAsync(string site, string batchKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var measures = Measures;
        var tables = new SiteAggregateAccumulator();
        var statistics = new SiteStatisticsBuilder(measures);
        var recordQuality = Domain.Outcomes.DataQualityCounts.Empty;
        var patients = 0;
        await foreach (var group in records.ReadSiteByPatientAsync(site, cancellationToken))
        {
            var input = group.Select(ToAggregation).ToList();
            foreach (var record in input)
            {
                tables.Add(record);
                patients += record.Kind == Domain.Records.RecordKind.Enrollment ? 1 : 0;
            }

            recordQuality = Domain.Outcomes.DataQualityFields.AddRecords(recordQuality, input);
            foreach (var facts in PatientFacts.FromRecords(input, measures))
            {
                statistics.Add(facts);
            }
        }

        var scope = AggregateScopes.Site(site);
        var documents = tables.Tables()
            .Select(t => new AggregateDocument(scope, t.Name, AggregateJson.Serialize(t), patients, at, batchKey))
            .ToList();
        await aggregates.WriteAsync(documents, cancellationToken);
        await aggregates.DeleteOthersAsync(scope, documents.Select(d => d.Name).ToList(), cancellationToken);

        // The committee's statistics: sufficient statistics per filter cell, from the same records.
        await WriteStatisticsAsync(scope, statistics.Build(), patients, batchKey, at, cancellationToken);
        var quality = await SiteDataQuality.ComputeAsync(ledger, site, batchKey, recordQuality, cancellationToken);
        await aggregates.WriteAsync(
            [new AggregateDocument(DataQualityDocuments.StorageScope(scope), DataQualityDocuments.Name, DataQualityDocuments.Serialize(new Dictionary<string, Domain.Outcomes.DataQualityCounts> { [site] = quality }), patients, at, batchKey)],
            cancellationToken);
        return documents.Count;
    }

    private static AggregationRecord ToAggregation(StoredRecord record) =>
        new(
            record.Kind,
            record.StudyId,
            record.RecordKey,
            record.Values,
            record.Scores.ToDictionary(s => s.Name, s => new ScoreValue(s.Value, s.Category), StringComparer.Ordinal));

    /// <summary>Merges every configured site's stored tables into the pooled tables.</summary>
    public async Task<int> RecomputePooledAsync(string batchKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var bySite = new Dictionary<string, IReadOnlyList<AggregateTable>>(StringComparer.Ordinal);
        var patients = 0;
        foreach (var site in policies.Configuration.Sites)
        {
            var tables = new List<AggregateTable>();
            await foreach (var document in aggregates.ListAsync(AggregateScopes.Site(site.Code), cancellationToken))
            {
                tables.Add(AggregateJson.Deserialize(document.Json));
                if (document.Name == "enrollment.total")
                {
                    patients += document.RecordCount;
                }
            }

            if (tables.Count > 0)
            {
                bySite[site.Code] = tables;
            }
        }

        var documents = AggregateMerger.Pool(bySite)
            .Select(t => new AggregateDocument(AggregateScopes.Pooled, t.Name, AggregateJson.Serialize(t), patients, at, batchKey))
            .ToList();
        await aggregates.WriteAsync(documents, cancellationToken);
        // The compliance table is pooled too but written by the follow-up sweep: keep it.
        await aggregates.DeleteOthersAsync(AggregateScopes.Pooled, documents.Select(d => d.Name).Append(FollowUpCompliance.TableName).ToList(), cancellationToken);

        var pooled = new SiteStatisticsBuilder(Measures);
        var quality = new Dictionary<string, Domain.Outcomes.DataQualityCounts>(StringComparer.Ordinal);
        foreach (var site in policies.Configuration.Sites)
        {
            pooled.Add(await StatisticsDocuments.ReadAsync(aggregates, AggregateScopes.Site(site.Code), cancellationToken));
            var siteQuality = await aggregates.ReadAsync(DataQualityDocuments.StorageScope(AggregateScopes.Site(site.Code)), DataQualityDocuments.Name, cancellationToken);
            foreach (var (code, counts) in DataQualityDocuments.Deserialize(siteQuality?.Json))
            {
                quality[code] = counts;
            }
        }

        await aggregates.WriteAsync(
            [new AggregateDocument(DataQualityDocuments.StorageScope(AggregateScopes.Pooled), DataQualityDocuments.Name, DataQualityDocuments.Serialize(quality), patients, at, batchKey)],
            cancellationToken);

        await WriteStatisticsAsync(AggregateScopes.Pooled, pooled.Build(), patients, batchKey, at, cancellationToken);
        return documents.Count;
    }

    private IReadOnlyList<OutcomeMeasure> Measures => OutcomeMeasure.Defaults(policies.Settings.Instruments.Mcid ?? new());

    // Each document is written before the next is made, so the step holds one document, never
    // the scope's (8.4 million characters for a million-row site, all held, with their table
    // entities, while they were written at once). The writes replace the documents one by one,
    // as the transactions of one write did before; the stale ones go last.
    private async Task WriteStatisticsAsync(string scope, SiteStatistics statistics, int patients, string batchKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var storageScope = StatisticsDocuments.StorageScope(scope);
        var names = new List<string>();
        foreach (var json in StatisticsDocuments.Serialize(statistics))
        {
            var name = StatisticsDocuments.Name(names.Count);
            await aggregates.WriteAsync([new AggregateDocument(storageScope, name, json, patients, at, batchKey)], cancellationToken);
            names.Add(name);
        }

        await aggregates.DeleteOthersAsync(storageScope, names, cancellationToken);
    }
}
