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
/// Seeds what the statistics API reads, and only that: each site's committee statistics
/// (sufficient statistics per filter cell) and the pooled merge, as the aggregate activity
/// stores them. The records themselves are generated, validated and scored in memory, one
/// patient at a time, and never written: the API never reads them.
/// </summary>
internal static class StatisticsSeeder
{
    /// <summary>Seeds <paramref name="visits"/> follow-up visits spread over the sites; returns the pooled statistics.</summary>
    public static async Task<SiteStatistics> SeedAsync(IAggregateStore store, RegistryPolicies policies, IReadOnlyList<string> sites, int visits)
    {
        var measures = OutcomeMeasure.Defaults(policies.Settings.Instruments.Mcid ?? new());
        var pooled = SiteStatistics.Empty;
        for (var i = 0; i < sites.Count; i++)
        {
            var siteVisits = (visits / sites.Count) + (i < visits % sites.Count ? 1 : 0);
            var statistics = SiteStatistics.Of(Facts(sites[i], siteVisits, i, policies, measures), measures);
            await WriteAsync(store, AggregateScopes.Site(sites[i]), statistics);
            pooled = pooled.Merge(statistics);
        }

        await WriteAsync(store, AggregateScopes.Pooled, pooled);
        return pooled;
    }

    private static IEnumerable<PatientFacts> Facts(string site, int visits, int seed, RegistryPolicies policies, IReadOnlyList<OutcomeMeasure> measures)
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
