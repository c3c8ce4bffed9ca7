using System.Globalization;
using SpineMetsRegistry.Api.Identity;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.FollowUp;

namespace SpineMetsRegistry.Api.Endpoints;

/// <summary>
/// The follow-up part of the HTTP API, host-agnostic like <see cref="RegistryApi"/>: a site's
/// reminder digests (what the daily sweep wrote under its <c>reminders/</c> area), and the
/// operator's manual sweep (catching up after an outage, or re-checking a day).
/// </summary>
public sealed class FollowUpApi(
    ILandingBlobs landing,
    IAuditLog audit,
    RegistryPolicies policies,
    TimeProvider time,
    IFollowUpSweep sweep)
{
    /// <summary>The reminder digests of a site, most recent first.</summary>
    public async Task<ApiResponse> ListRemindersAsync(RegistryCaller? caller, string site, CancellationToken cancellationToken = default)
    {
        if (caller is null)
        {
            return ApiResponse.Unauthenticated();
        }

        var configured = policies.FindSite(site);
        if (configured is null)
        {
            return ApiResponse.NotFound($"Site {site}");
        }

        if (!caller.MaySeeSite(configured.Code))
        {
            return ApiResponse.Forbidden($"reading site {configured.Code}'s reminders");
        }

        var digests = new List<LandingBlob>();
        await foreach (var blob in landing.ListAsync(configured.Code, LandingArea.Reminders, cancellationToken))
        {
            digests.Add(blob);
        }

        return ApiResponse.Ok(new
        {
            site = configured.Code,
            reminders = digests
                .OrderByDescending(d => d.LastModified)
                .ThenBy(d => d.Name, StringComparer.Ordinal)
                .Select(d => new { name = d.Name, sizeBytes = d.SizeBytes, writtenAt = d.LastModified }),
        });
    }

    /// <summary>
    /// Runs the sweep up to <paramref name="asOf"/> (YYYY-MM-DD; today, UTC, when absent).
    /// Operators only; a day after today is refused, since it would send reminders early and
    /// mark days swept that have not begun.
    /// </summary>
    public async Task<ApiResponse> RunSweepAsync(RegistryCaller? caller, string? asOf, CancellationToken cancellationToken = default)
    {
        if (caller is null)
        {
            return ApiResponse.Unauthenticated();
        }

        if (!caller.IsOperator)
        {
            return ApiResponse.Forbidden("running the follow-up sweep");
        }

        var today = FollowUpSweepDay.Of(time.GetUtcNow());
        var day = today;
        if (!string.IsNullOrEmpty(asOf)
            && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return ApiResponse.BadRequest("asOf must be a date written YYYY-MM-DD.");
        }

        if (day > today)
        {
            return ApiResponse.BadRequest($"asOf cannot be later than today ({today:yyyy-MM-dd}, UTC).");
        }

        var result = await sweep.RunAsync(day, cancellationToken);
        await audit.AppendAsync(
            new AuditEntry(time.GetUtcNow(), caller.AuditName, "sweep.run", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "ok", $"{result.DaysSwept} days swept, {result.RemindersSent} reminders"),
            null,
            cancellationToken);
        return ApiResponse.Ok(result);
    }
}
