namespace SpineMetsRegistry.Domain.Committee;

/// <summary>
/// Builds a scope's <see cref="SiteStatistics"/> one patient at a time: each patient's cell is
/// added into the running cell of its key at once, in place, so only the cells are kept, never
/// the patients. Adding the patients in any order gives exactly <see cref="SiteStatistics.Of"/>.
/// </summary>
/// <param name="measures">The outcome measures.</param>
public sealed class SiteStatisticsBuilder(IReadOnlyList<OutcomeMeasure> measures)
{
    private readonly Dictionary<CellKey, StatisticsCellBuilder> _cells = [];

    /// <summary>Adds one patient.</summary>
    /// <param name="patient">The patient's facts.</param>
    public void Add(PatientFacts patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        if (!_cells.TryGetValue(patient.Key, out var cell))
        {
            _cells[patient.Key] = cell = new StatisticsCellBuilder();
        }

        cell.Add(StatisticsCell.Of(patient, measures));
    }

    /// <summary>The statistics of the patients added so far.</summary>
    public SiteStatistics Build() => new(_cells.ToDictionary(c => c.Key, c => c.Value.ToCell()));
}
