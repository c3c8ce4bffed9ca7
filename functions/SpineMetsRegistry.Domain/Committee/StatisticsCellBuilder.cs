using SpineMetsRegistry.Domain.Statistics;
using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Committee;

/// <summary>
/// Adds <see cref="StatisticsCell"/>s together in place, into one cell: a site's cell patient by
/// patient, the cells under a committee filter, and two cells (<see cref="StatisticsCell.Merge"/>):
/// the one way cells are merged. Adding the same cells in any order gives the same cell.
/// </summary>
internal sealed class StatisticsCellBuilder
{
    private readonly SurvivalCountsBuilder _survival = new();
    private readonly Dictionary<string, SurvivalCountsBuilder> _survivalByNesms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, long>> _visits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, OutcomeBuilder>> _outcomes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, long>> _tallies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MomentSums> _qalys = new(StringComparer.Ordinal);
    private long _enrolled;

    /// <summary>Adds a cell of other patients.</summary>
    public void Add(StatisticsCell cell)
    {
        _enrolled = checked(_enrolled + cell.Enrolled);
        _survival.Add(cell.Survival);
        foreach (var (nesms, counts) in cell.SurvivalByNesms)
        {
            Get(_survivalByNesms, nesms).Add(counts);
        }

        AddCounts(_visits, cell.Visits);
        AddCounts(_tallies, cell.Tallies);
        foreach (var (measure, byTime) in cell.Outcomes)
        {
            var outcomes = Get(_outcomes, measure);
            foreach (var (timePoint, statistics) in byTime)
            {
                Get(outcomes, timePoint).Add(statistics);
            }
        }

        foreach (var (policy, sums) in cell.Qalys)
        {
            _qalys[policy] = _qalys.TryGetValue(policy, out var running) ? running.Merge(sums) : sums;
        }
    }

    /// <summary>The cell of everything added so far.</summary>
    public StatisticsCell ToCell() => new()
    {
        Enrolled = _enrolled,
        Survival = _survival.ToSurvivalCounts(),
        SurvivalByNesms = _survivalByNesms.ToDictionary(s => s.Key, s => s.Value.ToSurvivalCounts(), StringComparer.Ordinal),
        Visits = Freeze(_visits),
        Outcomes = _outcomes.ToDictionary(
            o => o.Key,
            o => (IReadOnlyDictionary<string, OutcomeStatistics>)o.Value.ToDictionary(t => t.Key, t => t.Value.ToStatistics(), StringComparer.Ordinal),
            StringComparer.Ordinal),
        Tallies = Freeze(_tallies),
        Qalys = new Dictionary<string, MomentSums>(_qalys, StringComparer.Ordinal),
    };

    private static T Get<T>(Dictionary<string, T> map, string key)
        where T : new()
    {
        if (!map.TryGetValue(key, out var value))
        {
            map[key] = value = new T();
        }

        return value;
    }

    private static void AddCounts(Dictionary<string, Dictionary<string, long>> running, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> counts)
    {
        foreach (var (name, byCategory) in counts)
        {
            var target = Get(running, name);
            foreach (var (category, n) in byCategory)
            {
                target[category] = checked((target.TryGetValue(category, out var existing) ? existing : 0) + n);
            }
        }
    }

    private static Dictionary<string, IReadOnlyDictionary<string, long>> Freeze(Dictionary<string, Dictionary<string, long>> counts) =>
        counts.ToDictionary(c => c.Key, c => (IReadOnlyDictionary<string, long>)new Dictionary<string, long>(c.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    private sealed class OutcomeBuilder
    {
        private readonly ValueCountsBuilder _values = new();
        private readonly ValueCountsBuilder _changes = new();
        private long _mcidReached;

        public void Add(OutcomeStatistics statistics)
        {
            _values.Add(statistics.Values);
            _changes.Add(statistics.Changes);
            _mcidReached = checked(_mcidReached + statistics.McidReached);
        }

        public OutcomeStatistics ToStatistics() => new(_values.ToValueCounts(), _changes.ToValueCounts(), _mcidReached);
    }
}
