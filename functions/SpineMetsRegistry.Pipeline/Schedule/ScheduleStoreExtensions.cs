using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.Pipeline.Schedule;

/// <summary>Conveniences over <see cref="IScheduleStore"/>.</summary>
public static class ScheduleStoreExtensions
{
    /// <summary>
    /// Writes expected visits (insert or replace) after reading their patients' stored
    /// visits, so the date index rows their old versions had are removed: for callers that
    /// did not read the patients themselves before planning the change.
    /// </summary>
    public static async Task UpsertAsync(this IScheduleStore schedule, IReadOnlyList<ScheduledVisit> visits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(visits);
        var stored = new List<ScheduledVisit>();
        foreach (var site in visits.GroupBy(v => v.Site, StringComparer.Ordinal))
        {
            var patients = await schedule.GetPatientsAsync(site.Key, site.Select(v => v.StudyId).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
            stored.AddRange(patients.Values.SelectMany(v => v));
        }

        await schedule.UpsertAsync(visits, stored, indexFrom: null, cancellationToken);
    }
}
