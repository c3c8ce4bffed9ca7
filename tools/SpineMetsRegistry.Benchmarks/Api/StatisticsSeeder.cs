using SpineMetsRegistry.Benchmarks.Support;
using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Committee;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Pipeline.Aggregates;

namespace SpineMetsRegistry.Benchmarks.Api;

/// <summary>
/// Seeds what the committee's API reads, and only that: each site's committee statistics
/// (sufficient statistics per filter cell) and aggregate tables, and their pooled merges, as the
/// aggregate activity stores them. The records themselves are generated, validated and scored in
/// memory, a patient at a time, and never written: the API never reads them.
/// </summary>
internal static class StatisticsSeeder
{
    /// <summary>Seeds <paramref name="visits"/> follow-up visits spread over the sites; returns the pooled statistics.</summary>
    public static async Task<SiteStatistics> SeedAsync(IAggregateStore store, RegistryPolicies policies, IReadOnlyList<string> sites, int visits)
    {
        var measures = OutcomeMeasure.Defaults(policies.Settings.Instruments.Mcid ?? new());
        var pooled = SiteStatistics.Empty;
        var tablesBySite = new Dictionary<string, IReadOnlyList<AggregateTable>>(StringComparer.Ordinal);
        for (var i = 0; i < sites.Count; i++)
        {
            var siteVisits = (visits / sites.Count) + (i < visits % sites.Count ? 1 : 0);
            var tables = new SiteTables();
            var statistics = SiteStatistics.Of(Facts(sites[i], siteVisits, i, policies, measures, tables), measures);
            await WriteAsync(store, AggregateScopes.Site(sites[i]), statistics);
            tablesBySite[sites[i]] = tables.Merged();
            await WriteTablesAsync(store, AggregateScopes.Site(sites[i]), tablesBySite[sites[i]]);
            pooled = pooled.Merge(statistics);
        }

        await WriteAsync(store, AggregateScopes.Pooled, pooled);
        await WriteTablesAsync(store, AggregateScopes.Pooled, AggregateMerger.Pool(tablesBySite));
        return pooled;
    }

    /// <summary>
    /// A site's aggregate tables, computed a few thousand patients at a time and merged: the tables
    /// are counts, so the merge of the parts' tables is the table of the whole site, without
    /// holding a million records.
    /// </summary>
    private sealed class SiteTables
    {
        private const int PatientsPerPart = 5_000;
        private readonly List<IReadOnlyList<AggregateTable>> parts = [];
        private readonly List<AggregationRecord> current = [];
        private int patients;

        public void AddPatient(IEnumerable<AggregationRecord> records)
        {
            current.AddRange(records);
            if (++patients % PatientsPerPart == 0)
            {
                Flush();
            }
        }

        public List<AggregateTable> Merged()
        {
            Flush();
            return parts.SelectMany(t => t).GroupBy(t => t.Name, StringComparer.Ordinal).Select(AggregateMerger.Merge).ToList();
        }

        private void Flush()
        {
            if (current.Count > 0)
            {
                parts.Add(SiteAggregator.Compute(current));
                current.Clear();
            }
        }
    }

    private static IEnumerable<PatientFacts> Facts(string site, int visits, int seed, RegistryPolicies policies, IReadOnlyList<OutcomeMeasure> measures, SiteTables tables)
    {
        var context = new BatchValidationContext
        {
            SiteCode = site,
            StudyIdPattern = BatchValidationContext.CompileStudyIdPattern(GeneratedBatch.StudyIdPattern(site)),
            ReceivedOn = GeneratedBatch.ReceivedOn,
            Scanner = null,
        };
        var validator = new RecordValidator(context);
        var patient = new List<AggregationRecord>();
        var seen = 0;
        var row = 1;
        foreach (var generated in GeneratedBatch.Rows(int.MaxValue, site, seed, 1, errorRate: 0))
        {
            var raw = new RawRecord(++row, row, generated.Select(p => new RawField(p.Key, p.Value)).ToArray(), []);
            if (validator.Validate(raw).Record is not { } record)
            {
                continue;
            }

            if (patient.Count > 0 && !string.Equals(patient[0].StudyId, record.StudyId, StringComparison.Ordinal))
            {
                tables.AddPatient(patient);
                foreach (var facts in PatientFacts.FromRecords(patient, measures))
                {
                    yield return facts;
                }

                patient.Clear();
                if (seen >= visits)
                {
                    yield break;
                }
            }

            seen += record.Kind == RecordKind.FollowUp ? 1 : 0;
            patient.Add(new AggregationRecord(
                record.Kind,
                record.StudyId,
                record.RecordKey,
                record.Values.ToDictionary(v => v.Key, v => FieldValues.ToCanonical(v.Value), StringComparer.Ordinal),
                policies.Scorer.Score(record).ToDictionary(s => s.Name, s => new ScoreValue(s.Value, s.Category), StringComparer.Ordinal)));
        }
    }

    private static async Task WriteTablesAsync(IAggregateStore store, string scope, IReadOnlyList<AggregateTable> tables)
    {
        var documents = tables.Select(t => new AggregateDocument(scope, t.Name, AggregateJson.Serialize(t), 0, DateTimeOffset.UtcNow, "benchmark-seed")).ToList();
        await store.WriteAsync(documents);
        await store.DeleteOthersAsync(scope, documents.Select(d => d.Name).ToList());
    }

    private static async Task WriteAsync(IAggregateStore store, string scope, SiteStatistics statistics)
    {
        var storageScope = StatisticsDocuments.StorageScope(scope);
        var documents = StatisticsDocuments.Serialize(statistics)
            .Select((json, i) => new AggregateDocument(storageScope, StatisticsDocuments.Name(i), json, 0, DateTimeOffset.UtcNow, "benchmark-seed"))
            .ToList();
        await store.WriteAsync(documents);
        await store.DeleteOthersAsync(storageScope, documents.Select(d => d.Name).ToList());
    }
}
