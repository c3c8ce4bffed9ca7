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

    /// <summary>Recomputes one site's tables from its records; returns how many tables were written.</summary>
    public async Task<int> RecomputeSiteAsync(string site, string batchKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var input = new List<AggregationRecord>();
        await foreach (var record in records.ReadSiteAsync(site, cancellationToken))
        {
            input.Add(new AggregationRecord(
                record.Kind,
                record.StudyId,
                record.RecordKey,
                record.Values,
                record.Scores.ToDictionary(s => s.Name, s => new ScoreValue(s.Value, s.Category), StringComparer.Ordinal)));
        }

        var scope = AggregateScopes.Site(site);
        var patients = input.Count(r => r.Kind == Domain.Records.RecordKind.Enrollment);
        var documents = SiteAggregator.Compute(input)
            .Select(t => new AggregateDocument(scope, t.Name, AggregateJson.Serialize(t), patients, at, batchKey))
            .ToList();
        await aggregates.WriteAsync(documents, cancellationToken);
        await aggregates.DeleteOthersAsync(scope, documents.Select(d => d.Name).ToList(), cancellationToken);

        // The committee's statistics: sufficient statistics per filter cell, from the same records.
        var statistics = SiteStatistics.Of(PatientFacts.FromRecords(input, Measures), Measures);
        await WriteStatisticsAsync(scope, statistics, patients, batchKey, at, cancellationToken);
        var quality = await SiteDataQuality.ComputeAsync(ledger, site, batchKey, input, cancellationToken);
        await aggregates.WriteAsync(
            [new AggregateDocument(DataQualityDocuments.StorageScope(scope), DataQualityDocuments.Name, DataQualityDocuments.Serialize(new Dictionary<string, Domain.Outcomes.DataQualityCounts> { [site] = quality }), patients, at, batchKey)],
            cancellationToken);
        return documents.Count;
    }

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

        var pooled = SiteStatistics.Empty;
        var quality = new Dictionary<string, Domain.Outcomes.DataQualityCounts>(StringComparer.Ordinal);
        foreach (var site in policies.Configuration.Sites)
        {
            pooled = pooled.Merge(await ReadStatisticsAsync(aggregates, AggregateScopes.Site(site.Code), cancellationToken));
            var siteQuality = await aggregates.ReadAsync(DataQualityDocuments.StorageScope(AggregateScopes.Site(site.Code)), DataQualityDocuments.Name, cancellationToken);
            foreach (var (code, counts) in DataQualityDocuments.Deserialize(siteQuality?.Json))
            {
                quality[code] = counts;
            }
        }

        await aggregates.WriteAsync(
            [new AggregateDocument(DataQualityDocuments.StorageScope(AggregateScopes.Pooled), DataQualityDocuments.Name, DataQualityDocuments.Serialize(quality), patients, at, batchKey)],
            cancellationToken);

        await WriteStatisticsAsync(AggregateScopes.Pooled, pooled, patients, batchKey, at, cancellationToken);
        return documents.Count;
    }

    private IReadOnlyList<OutcomeMeasure> Measures => OutcomeMeasure.Defaults(policies.Settings.Instruments.Mcid ?? new());

    /// <summary>Reads a scope's stored committee statistics (empty when none).</summary>
    public static async Task<SiteStatistics> ReadStatisticsAsync(IAggregateStore store, string scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var documents = new List<string>();
        await foreach (var document in store.ListAsync(StatisticsDocuments.StorageScope(scope), cancellationToken))
        {
            documents.Add(document.Json);
        }

        return StatisticsDocuments.Deserialize(documents);
    }

    private async Task WriteStatisticsAsync(string scope, SiteStatistics statistics, int patients, string batchKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var storageScope = StatisticsDocuments.StorageScope(scope);
        var documents = StatisticsDocuments.Serialize(statistics)
            .Select((json, i) => new AggregateDocument(storageScope, StatisticsDocuments.Name(i), json, patients, at, batchKey))
            .ToList();
        await aggregates.WriteAsync(documents, cancellationToken);
        await aggregates.DeleteOthersAsync(storageScope, documents.Select(d => d.Name).ToList(), cancellationToken);
    }
}
