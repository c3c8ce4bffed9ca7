using System.Globalization;
using Microsoft.AspNetCore.Http;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Pipeline.Schedule;

namespace SpineMetsRegistry.Api.FollowUp;

/// <summary>A site's current reminders and the committee's weekly compliance digest.</summary>
public sealed class FollowUpEndpoints(IScheduleStore schedule, IAggregateStore aggregates, RegistryPolicies policies, TimeProvider time)
{
    /// <summary>What the committee digest's rates mean.</summary>
    public const string ComplianceDefinition = "Compliance = visits received within their window / visits whose window has closed, per site and time point.";

    /// <summary>
    /// A site's current reminders: its expected visits in an actionable state (upcoming, due,
    /// overdue, missed) as of today, or as of <c>?asOf=YYYY-MM-DD</c>, computed from the site's
    /// schedule partition. The body has the form of a daily digest.
    /// </summary>
    public async Task<IResult> GetSiteRemindersAsync(ApiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!ApiDay.TryRead(call.Query("asOf"), time, out var day))
        {
            return ApiResults.BadRequest(ApiDay.Expected);
        }

        var reminders = new List<VisitReminder>();
        await foreach (var visit in schedule.ListSiteAsync(call.Site, call.Aborted))
        {
            if (VisitReminder.IsActionable(visit.StateOn(day)))
            {
                reminders.Add(VisitReminder.Describe(visit, day));
            }
        }

        var digest = ReminderDigest.Create(call.Site, day, policies.Protocol.Fingerprint, reminders);
        call.Audited(string.Create(CultureInfo.InvariantCulture, $"{call.Site}/reminders?asOf={day:yyyy-MM-dd}"), string.Create(CultureInfo.InvariantCulture, $"{digest.Reminders.Count} reminders"));
        return ApiResults.Bytes(ReminderDigestFormats.ToJson(digest), "application/json");
    }

    /// <summary>
    /// The weekly committee digest: the sites whose published follow-up compliance is below the
    /// configured threshold at one time point or more, and the compliance count table
    /// (site x time point x outcome), both through the registry's disclosure control.
    /// </summary>
    public async Task<IResult> GetCommitteeDigestAsync(ApiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var stored = await aggregates.ReadAsync(AggregateScopes.Committee, ComplianceDigest.DocumentName, call.Aborted);
        if (stored is null)
        {
            return ApiResults.NotFound("The weekly compliance digest (no follow-up sweep has computed it yet)");
        }

        var digest = ComplianceDigest.FromJson(stored.Json);
        var disclosure = policies.Disclosure;
        var published = disclosure.PublishCompliance(digest.Compliance, digest.Threshold, digest.AsOf);
        call.Audited(
            $"{AggregateScopes.Committee}/{ComplianceDigest.DocumentName}",
            string.Create(CultureInfo.InvariantCulture, $"{published.SitesBelowThreshold.Count} sites below threshold, suppression {disclosure.Threshold}"));
        return ApiResults.Ok(new
        {
            asOf = digest.AsOf,
            computedAt = stored.ComputedAt,
            complianceThreshold = digest.Threshold,
            suppressionThreshold = disclosure.Threshold,
            definition = ComplianceDefinition,
            sitesBelowThreshold = published.SitesBelowThreshold.Select(s => new
            {
                site = s.Site,
                timePoints = s.TimePoints.Select(t => new { timePoint = t.TimePoint, compliance = t.Compliance, closedVisits = t.ClosedVisits }),
            }),
            ratesWithheld = published.RatesWithheld,
            table = published.Table,
        });
    }
}
