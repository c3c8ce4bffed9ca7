using System.Globalization;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Schedule;

namespace SpineMetsRegistry.Pipeline.FollowUp;

/// <summary>
/// Computes and stores the weekly committee digest: the compliance count table (pooled
/// scope, <see cref="FollowUpCompliance.TableName"/>, site x time point x outcome, so it is
/// small-cell suppressed like every pooled table) and the digest document. It reads every
/// site's whole schedule: once a week, by design (compliance is a property of the whole
/// schedule; the daily sweep stays proportional to what changes).
/// </summary>
public sealed class ComplianceDigestWriter(IScheduleStore schedule, IAggregateStore aggregates, IAuditLog audit, RegistryPolicies policies, TimeProvider time)
{
    /// <summary>
    /// Whether the digest is due on <paramref name="asOf"/>: none yet, the configured weekday,
    /// seven days or more since the last one (a missed weekday), or a rerun of the same day.
    /// </summary>
    public async Task<bool> IsDueAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var last = await ReadAsync(cancellationToken);
        if (last is null)
        {
            return true;
        }

        return asOf >= last.AsOf
            && (asOf == last.AsOf || asOf.DayOfWeek == policies.Settings.ComplianceDigestWeekday || asOf.DayNumber - last.AsOf.DayNumber >= 7);
    }

    /// <summary>The stored digest, or null.</summary>
    public async Task<ComplianceDigest?> ReadAsync(CancellationToken cancellationToken = default) =>
        await aggregates.ReadAsync(AggregateScopes.Committee, ComplianceDigest.DocumentName, cancellationToken) is { } document
            ? ComplianceDigest.FromJson(document.Json)
            : null;

    /// <summary>Computes the digest as of a day and stores it with the count table.</summary>
    public async Task<ComplianceDigestOutcome> WriteAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var compliance = new List<SiteCompliance>();
        var visitsRead = 0;
        foreach (var site in policies.Configuration.Sites)
        {
            var visits = new List<ScheduledVisit>();
            await foreach (var visit in schedule.ListSiteAsync(site.Code, cancellationToken))
            {
                visits.Add(visit);
            }

            visitsRead += visits.Count;
            compliance.AddRange(FollowUpCompliance.Compute(visits, asOf));
        }

        var digest = new ComplianceDigest
        {
            AsOf = asOf,
            Threshold = policies.Settings.ComplianceThreshold,
            Protocol = policies.Protocol.Fingerprint,
            Compliance = compliance,
        };
        var now = time.GetUtcNow();
        var source = string.Create(CultureInfo.InvariantCulture, $"sweep-{asOf:yyyy-MM-dd}");
        var closed = compliance.Sum(c => c.Closed);
        await aggregates.WriteAsync(
            [new AggregateDocument(AggregateScopes.Pooled, FollowUpCompliance.TableName, AggregateJson.Serialize(FollowUpCompliance.ToTable(compliance, asOf)), closed, now, source)],
            cancellationToken);
        await aggregates.WriteAsync([new AggregateDocument(AggregateScopes.Committee, ComplianceDigest.DocumentName, digest.ToJson(), closed, now, source)], cancellationToken);

        var below = digest.SitesBelowThreshold;
        await audit.AppendAsync(
            new AuditEntry(now, "registry", "compliance.digest", string.Create(CultureInfo.InvariantCulture, $"{AggregateScopes.Committee}/{ComplianceDigest.DocumentName}/{asOf:yyyy-MM-dd}"), "ok",
                string.Create(CultureInfo.InvariantCulture, $"{compliance.Count} site time points, {below.Count} sites below {digest.Threshold:0.##}")),
            string.Create(CultureInfo.InvariantCulture, $"compliance|{asOf:yyyy-MM-dd}|{closed}|{string.Join('+', below)}"),
            cancellationToken);
        return new ComplianceDigestOutcome(asOf, visitsRead, below);
    }
}
