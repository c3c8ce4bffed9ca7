using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Domain.Committee;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.Aggregates;

namespace SpineMetsRegistry.Api.Statistics;

/// <summary>
/// The committee's statistics over HTTP: <c>GET /api/statistics/{scope}</c> (every table as JSON)
/// and <c>GET /api/statistics/{scope}/{table}</c> (one table; <c>.csv</c> appended gives CSV), with
/// the filters <c>period</c>, <c>primary_group</c>, <c>index_treatment</c> and <c>time_point</c>.
/// The scope is the site filter: "pooled" (committee and operators) or a site ("site:S01" or
/// "S01": that site's members, the committee and operators), which shows the site next to the
/// network; the pipeline authorizes it (<see cref="ApiAccess.AggregateScope"/>). Answers come
/// from the stored per-cell statistics of at most two scopes; the disclosure audit of a scope runs
/// once per stored version and is kept in memory with the tables it published. A request reads
/// only the versions of the documents (<see cref="IAggregateStore.ListVersionsAsync"/>); the
/// documents themselves only when one changed.
/// </summary>
public sealed class StatisticsApi(IAggregateStore aggregates, RegistryPolicies policies)
{
    private readonly ConcurrentDictionary<string, CommitteePublisher> publishers = new(StringComparer.Ordinal);

    // The last publisher each scope (and threshold) was read whole into: what a request answers
    // from when the scope's documents are still being rewritten after every attempt.
    private readonly ConcurrentDictionary<string, CommitteePublisher> lastConsistent = new(StringComparer.Ordinal);

    /// <summary>Every table of a scope for a filter.</summary>
    public Task<IResult> GetAsync(ApiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return AnswerAsync(call, null);
    }

    /// <summary>One table of a scope for a filter, as JSON or (name ending ".csv") CSV.</summary>
    public Task<IResult> GetTableAsync(ApiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return AnswerAsync(call, call.RouteValue("table") ?? string.Empty);
    }

    private async Task<IResult> AnswerAsync(ApiCall call, string? table)
    {
        var query = new StatisticsQuery(call.Query("period"), call.Query("primary_group"), call.Query("index_treatment"), call.Query("time_point"));
        var normalised = call.Scope;
        var cancellationToken = call.Aborted;
        var csv = table?.EndsWith(".csv", StringComparison.Ordinal) == true;
        var tableName = csv ? table![..^4] : table;
        if (tableName is not null && !CommitteePublisher.TableNames.Contains(tableName, StringComparer.Ordinal))
        {
            return ApiResults.NotFound($"Table {Shorten(tableName)}");
        }

        if (query.TimePoint is { } tp && !CommitteeDimensions.TimePoints.Contains(tp, StringComparer.Ordinal))
        {
            return ApiResults.BadRequest($"time_point must be one of {string.Join(", ", CommitteeDimensions.TimePoints)}.");
        }

        var publisher = await PublisherAsync(normalised, cancellationToken);
        var filter = new CellKey(query.Period ?? CommitteeDimensions.All, query.PrimaryGroup ?? CommitteeDimensions.All, query.IndexTreatment ?? CommitteeDimensions.All);
        if (!publisher.Answers(filter))
        {
            return ApiResults.BadRequest("A filter value is unknown: period, primary_group and index_treatment take the values listed under \"dimensions\" of /api/statistics/" + normalised + ".");
        }

        var threshold = policies.Settings.SmallCellThreshold;
        call.Audited(normalised + (tableName is null ? string.Empty : "/" + tableName), $"filter {filter}, threshold {threshold}");
        if (tableName is not null)
        {
            var one = publisher.PublishTable(filter, query.TimePoint, tableName)!;
            return csv
                ? ApiResults.Bytes(Encoding.UTF8.GetBytes(StatisticsCsv.Write(one)), "text/csv; charset=utf-8")
                : ApiResults.Ok(new { scope = normalised, filter = Filter(filter, query.TimePoint), suppressionThreshold = threshold, table = one });
        }

        return ApiResults.Ok(new
        {
            scope = normalised,
            filter = Filter(filter, query.TimePoint),
            suppressionThreshold = threshold,
            dimensions = new
            {
                period = publisher.DimensionValues[0],
                primary_group = publisher.DimensionValues[1],
                index_treatment = publisher.DimensionValues[2],
                time_point = CommitteeDimensions.TimePoints,
            },
            tables = publisher.Publish(normalised, filter, query.TimePoint)!.Tables,
        });
    }

    /// <summary>How often a read that caught a scope's documents half rewritten is repeated.</summary>
    private const int ConsistentReadAttempts = 5;

    /// <summary>
    /// The publisher of a scope, from a consistent read of its documents. An ingest rewrites a
    /// scope's statistics documents one after another, so a read in between can see some new
    /// and some old: the disclosure grid then finds cells that do not add up, or a derived count
    /// below zero, and refuses them.
    /// That is a torn read, not bad data: it is read again a moment later (a reader under load
    /// met it on 5 of about 150 reads). While sites keep ingesting, the pooled documents are
    /// rewritten by every batch, and a slow read can be torn on every attempt (20 sites uploading
    /// at once did that to one read in about 250): the answer then comes from the last version of
    /// the scope that was read whole, a consistent version from moments before, audited as every
    /// version is. Only a scope never read whole, still torn after every attempt, fails.
    /// </summary>
    private async Task<CommitteePublisher> PublisherAsync(string scope, CancellationToken cancellationToken)
    {
        var latest = $"{scope}|{policies.Settings.SmallCellThreshold}";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var publisher = await ReadPublisherAsync(scope, cancellationToken);
                lastConsistent[latest] = publisher;
                return publisher;
            }
            catch (Exception torn) when (torn is InvalidOperationException or ArgumentOutOfRangeException)
            {
                if (attempt >= ConsistentReadAttempts)
                {
                    if (lastConsistent.TryGetValue(latest, out var previous))
                    {
                        return previous;
                    }

                    throw;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
            }
        }
    }

    private async Task<CommitteePublisher> ReadPublisherAsync(string scope, CancellationToken cancellationToken)
    {
        // A request reads only the versions of the documents it depends on (a few hundred bytes);
        // the documents themselves (megabytes at a million visits) are read and parsed only when
        // one of them changed since the publisher was built.
        var threshold = policies.Settings.SmallCellThreshold;
        var key = $"{scope}|{await StampAsync(scope, cancellationToken)}|{threshold}";
        if (publishers.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var network = await ReadStatisticsAsync(AggregateScopes.Pooled, cancellationToken);
        var own = scope == AggregateScopes.Pooled ? null : await ReadStatisticsAsync(scope, cancellationToken);
        var quality = await aggregates.ReadAsync(DataQualityDocuments.StorageScope(AggregateScopes.Pooled), DataQualityDocuments.Name, cancellationToken);
        if (key != $"{scope}|{await StampAsync(scope, cancellationToken)}|{threshold}")
        {
            // Written while read: what was read may belong to no single version. Read again.
            throw new InvalidOperationException($"The statistics of {scope} were rewritten while being read.");
        }

        var measures = OutcomeMeasure.Defaults(policies.Settings.Instruments.Mcid ?? new());
        var ownSite = scope.StartsWith("site:", StringComparison.Ordinal) ? scope["site:".Length..] : null;
        var publisher = new CommitteePublisher(measures, network, own, threshold, DataQualityDocuments.Deserialize(quality?.Json), ownSite);
        if (publishers.Count > 32)
        {
            publishers.Clear();
        }

        publishers[key] = publisher;
        return publisher;
    }

    /// <summary>The versions of every document a scope's answers rest on: the pooled and the scope's statistics, and the data quality.</summary>
    private async Task<string> StampAsync(string scope, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        var storageScopes = new List<string> { StatisticsDocuments.StorageScope(AggregateScopes.Pooled), DataQualityDocuments.StorageScope(AggregateScopes.Pooled) };
        if (scope != AggregateScopes.Pooled)
        {
            storageScopes.Add(StatisticsDocuments.StorageScope(scope));
        }

        foreach (var storageScope in storageScopes)
        {
            await foreach (var version in aggregates.ListVersionsAsync(storageScope, cancellationToken))
            {
                parts.Add(storageScope + "/" + version.Name + "@" + version.Version);
            }
        }

        parts.Sort(StringComparer.Ordinal);
        return string.Join(',', parts);
    }

    private Task<SiteStatistics> ReadStatisticsAsync(string scope, CancellationToken cancellationToken) =>
        StatisticsDocuments.ReadAsync(aggregates, scope, cancellationToken);

    private static object Filter(CellKey filter, string? timePoint) => new
    {
        period = filter.Period,
        primary_group = filter.PrimaryGroup,
        index_treatment = filter.Treatment,
        time_point = timePoint ?? CommitteeDimensions.All,
    };

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

/// <summary>The filters of a statistics request (null: every value).</summary>
/// <param name="Period">Year of the index treatment.</param>
/// <param name="PrimaryGroup">Primary tumour group.</param>
/// <param name="IndexTreatment">Index treatment.</param>
/// <param name="TimePoint">Time point of the outcome and visit tables.</param>
public sealed record StatisticsQuery(string? Period, string? PrimaryGroup, string? IndexTreatment, string? TimePoint);
