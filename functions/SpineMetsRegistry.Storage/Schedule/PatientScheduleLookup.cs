using Azure.Data.Tables;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Schedule;

/// <summary>
/// Reads the expected visits of a group of patients of one site with one RowKey range query
/// instead of a query per patient: the schedule step writes patients in study-ID order, so the
/// range from the group's first to its last patient holds little else. The scan is bounded: once
/// it has read <see cref="ScanBudget"/> visits of patients outside the group (the group's IDs are
/// scattered over a large site), the patients it has not read whole yet are read by a query each,
/// so a scattered group costs at most a bounded scan more than the queries alone. Either way the
/// answer is exact: a patient is taken from the scan only if every key of theirs lies before the
/// last key scanned.
/// </summary>
internal static class PatientScheduleLookup
{
    /// <summary>Visits of other patients a range scan may read before it gives way to a query per patient.</summary>
    public const int ScanBudget = 1_000;

    // Per-patient queries in flight at once for the patients a bounded scan did not finish.
    private const int QueryParallelism = 8;

    /// <summary>The expected visits of <paramref name="studyIds"/> at <paramref name="site"/>: every ID present, with an empty list if it has none.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<ScheduledVisit>>> FindAsync(
        TableClient table,
        string site,
        IReadOnlyCollection<string> studyIds,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, List<ScheduledVisit>>(StringComparer.Ordinal);
        foreach (var studyId in studyIds)
        {
            found[studyId] = [];
        }

        if (found.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<ScheduledVisit>>(StringComparer.Ordinal);
        }

        // Each patient's keys are exactly those in [prefix|, prefix}). Ordered by that range (not
        // by the raw ID: "A" sorts before "AB", but "A|..." after "AB|..."), the group's keys all
        // lie between the first patient's start and the last patient's end.
        var ranges = found.Keys
            .Select(id => (StudyId: id, Range: TableKey.PrefixRange(id)))
            .OrderBy(p => p.Range.From, StringComparer.Ordinal)
            .ToList();
        var partition = ScheduleRows.PartitionOf(site);
        string? lastScanned = null;
        var complete = false;
        if (ranges.All(r => TableKey.SortsAsOrdinal(r.Range.From))) // else patient by patient: the range could miss one
        {
            (lastScanned, complete) = await BoundedScan.ReadAsync(
                TableQueries.RangeAsync(table, partition, (ranges[0].Range.From, ranges[^1].Range.To), select: null, cancellationToken),
                ScanBudget,
                entity =>
                {
                    var visit = ScheduleRows.FromEntity(entity);
                    if (!found.TryGetValue(visit.StudyId, out var visits))
                    {
                        return false;
                    }

                    visits.Add(visit);
                    return true;
                });
        }

        if (!complete)
        {
            // A patient whose range ends after the last key scanned may have visits the scan did not
            // reach: read that patient whole, dropping what the scan had collected of theirs.
            var unfinished = ranges.Where(r => lastScanned is null || string.CompareOrdinal(r.Range.To, lastScanned) > 0).ToList();
            var read = new List<ScheduledVisit>[unfinished.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, unfinished.Count),
                new ParallelOptions { MaxDegreeOfParallelism = QueryParallelism, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    var visits = new List<ScheduledVisit>();
                    await foreach (var entity in TableQueries.RangeAsync(table, partition, unfinished[i].Range, select: null, token))
                    {
                        visits.Add(ScheduleRows.FromEntity(entity));
                    }

                    read[i] = visits;
                });
            for (var i = 0; i < unfinished.Count; i++)
            {
                found[unfinished[i].StudyId] = read[i];
            }
        }

        return found.ToDictionary(p => p.Key, p => (IReadOnlyList<ScheduledVisit>)p.Value, StringComparer.Ordinal);
    }
}
