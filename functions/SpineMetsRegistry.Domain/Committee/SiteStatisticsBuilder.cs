namespace SpineMetsRegistry.Domain.Committee;

/// <summary>
/// Builds a scope's <see cref="SiteStatistics"/> one patient at a time: each patient's cell is
/// merged into the running cell of its key at once, so only the cells are kept, never the
/// patients. Adding the patients in the same order gives exactly <see cref="SiteStatistics.Of"/>.
/// </summary>
/// <param name="measures">The outcome measures.</param>
public sealed class SiteStatisticsBuilder(IReadOnlyList<OutcomeMeasure> measures)
{
    private readonly Dictionary<CellKey, StatisticsCell> _cells = [];

    /// <summary>Adds one patient.</summary>
    /// <param name="patient">The patient's facts.</param>
    public void Add(PatientFacts patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var cell = StatisticsCell.Of(patient, measures);
        _cells[patient.Key] = (_cells.TryGetValue(patient.Key, out var running) ? running : StatisticsCell.Empty).Merge(cell);
    }

    /// <summary>The statistics of the patients added so far.</summary>
    public SiteStatistics Build() => new(new Dictionary<CellKey, StatisticsCell>(_cells));
}
