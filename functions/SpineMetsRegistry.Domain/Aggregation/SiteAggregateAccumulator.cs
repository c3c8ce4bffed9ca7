namespace SpineMetsRegistry.Domain.Aggregation;

/// <summary>
/// Builds a site's aggregate tables one record at a time, keeping only the running cells
/// (counts, and n, sums, min, max and bins per distribution cell), never the records: the
/// memory is that of the tables, whatever the site's size. Records may come in any order
/// (every cell is a sum, and decimal sums of these values are exact); the tables are those of
/// <see cref="SiteAggregator.Compute"/>.
/// </summary>
public sealed class SiteAggregateAccumulator
{
    private readonly List<(SiteTableDefinition Definition, Dictionary<string, RunningCell> Cells)> _tables =
        SiteAggregator.Definitions.Select(d => (d, new Dictionary<string, RunningCell>(StringComparer.Ordinal))).ToList();

    /// <summary>Adds one stored record to every table that counts it.</summary>
    /// <param name="record">The record.</param>
    public void Add(AggregationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        foreach (var (definition, cells) in _tables)
        {
            if (!definition.Counts(record))
            {
                continue;
            }

            decimal? value = null;
            if (definition.Value is { } read)
            {
                value = read(record);
                if (value is null)
                {
                    continue;
                }
            }

            var keys = definition.Keys(record);
            var joined = string.Join('\u001f', keys);
            if (!cells.TryGetValue(joined, out var cell))
            {
                cells[joined] = cell = new RunningCell(keys, definition.Binning);
            }

            cell.Add(value);
        }
    }

    /// <summary>The tables of the records added so far, in <see cref="SiteAggregator"/>'s order.</summary>
    public IReadOnlyList<AggregateTable> Tables() => _tables.Select(t => Table(t.Definition, t.Cells.Values)).ToList();

    private static AggregateTable Table(SiteTableDefinition definition, IEnumerable<RunningCell> cells)
    {
        if (definition.Kind == AggregateKind.Count)
        {
            var counts = cells.Select(c => new CountCell(c.Keys, c.N)).OrderBy(c => c.Keys, AggregateKeyOrder.Instance).ToList();
            if (definition.Dimensions.Count == 0 && counts.Count == 0)
            {
                counts.Add(new CountCell([], 0));
            }

            return new AggregateTable
            {
                Name = definition.Name,
                Title = definition.Title,
                Kind = AggregateKind.Count,
                Dimensions = definition.Dimensions,
                Unit = definition.Unit,
                Counts = counts,
                Notes = definition.Notes,
            };
        }

        return new AggregateTable
        {
            Name = definition.Name,
            Title = definition.Title,
            Kind = AggregateKind.Distribution,
            Dimensions = definition.Dimensions,
            Unit = definition.Unit,
            Distributions = cells.Select(c => c.ToDistribution()).OrderBy(c => c.Keys, AggregateKeyOrder.Instance).ToList(),
            Binning = definition.Binning,
            Notes = definition.Notes,
        };
    }

    // One cell while records are added: its keys (those of its first record), the count and,
    // for a distribution, the running sums in the order the values came.
    private sealed class RunningCell(IReadOnlyList<string> keys, Binning? binning)
    {
        private readonly int[] _bins = new int[binning?.Count ?? 0];
        private decimal _sum;
        private decimal _sumOfSquares;
        private decimal _min;
        private decimal _max;

        public IReadOnlyList<string> Keys { get; } = keys;

        public int N { get; private set; }

        public void Add(decimal? value)
        {
            if (value is { } v && binning is not null)
            {
                _sum += v;
                _sumOfSquares += v * v;
                // As Enumerable.Min and Max: the first of equal values is kept (1.0 and 1.00 print differently).
                if (N == 0 || v < _min)
                {
                    _min = v;
                }

                if (N == 0 || v > _max)
                {
                    _max = v;
                }

                _bins[binning.IndexOf(v)]++;
            }

            N = checked(N + 1);
        }

        public DistributionCell ToDistribution() => new(Keys, N, _sum, _sumOfSquares, _min, _max, _bins);
    }
}
