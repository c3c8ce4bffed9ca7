namespace SpineMetsRegistry.Domain.Committee;

/// <summary>Why a count is not published.</summary>
public enum Suppression
{
    /// <summary>Published.</summary>
    None,

    /// <summary>A small count (1 to threshold - 1): published as "&lt;threshold".</summary>
    Primary,

    /// <summary>Hidden only so that a small count cannot be derived: published as "suppressed", with no claim about its size.</summary>
    Complementary,
}

/// <summary>
/// Every count a scope publishes (or lets a reader derive), with the additive relations between
/// them, and the cells that must be hidden so that no count from 1 to threshold - 1 can be
/// computed from what is published.
/// <para>
/// A relation ("line") says total = sum of parts: a table's margin, a filter's margin (the
/// unfiltered count is the sum over the filter's values, which is how "filter A minus filter B"
/// attacks work), one table's count being a part of another's (an outcome n is part of the
/// "alive" count of its time point), or a site's count being part of the pooled count. Cells
/// that are never shown but can be computed by subtraction (patients without a value, the
/// network minus one site) are cells too.
/// </para>
/// <para>
/// The rule is the usual cell-suppression audit applied line by line (Cox LH, J Am Stat Assoc
/// 1980;75(370):377-85; Hundepool A et al., Statistical Disclosure Control, Wiley 2012, §5.3):
/// primary suppression hides every count from 1 to threshold - 1; then, until nothing changes,
/// any relation with exactly one hidden cell, or whose hidden parts sum (derivable from a
/// published total) to 1 to threshold - 1, has its smallest other non-zero cell hidden
/// (complementary suppression). The decision depends only on the scope's counts, never on the
/// request, so every filter of the scope is answered consistently.
/// </para>
/// </summary>
public sealed class DisclosureGrid
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<long> values = [];
    private readonly List<bool> shown = [];
    private readonly List<bool> known = [];
    private readonly List<(int Total, int[] Parts)> lines = [];
    private Suppression[]? suppression;

    /// <summary>The threshold: counts from 1 to threshold - 1 are hidden.</summary>
    public int Threshold { get; }

    /// <summary>An empty grid.</summary>
    /// <param name="threshold">The small-cell threshold (1 or more).</param>
    public DisclosureGrid(int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        Threshold = threshold;
    }

    /// <summary>Number of cells.</summary>
    public int CellCount => values.Count;

    /// <summary>Number of relations.</summary>
    public int LineCount => lines.Count;

    /// <summary>Adds (or finds) a cell. A cell added once as shown stays shown.</summary>
    /// <param name="id">Stable identity.</param>
    /// <param name="value">The count.</param>
    /// <param name="isShown">Whether it is published (false: only derivable).</param>
    /// <param name="isKnown">Whether the reader knows it anyway (a site its own counts): never a secret, always exact to the audit.</param>
    public void Cell(string id, long value, bool isShown = true, bool isKnown = false)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (index.TryGetValue(id, out var existing))
        {
            if (values[existing] != value)
            {
                throw new InvalidOperationException($"Cell {id} was added twice with different counts.");
            }

            shown[existing] |= isShown;
            known[existing] |= isKnown;
            return;
        }

        index[id] = values.Count;
        values.Add(value);
        shown.Add(isShown);
        known.Add(isKnown);
        suppression = null;
    }

    /// <summary>Whether a cell exists.</summary>
    /// <param name="id">Identity.</param>
    public bool Has(string id) => index.ContainsKey(id);

    /// <summary>The count of a cell.</summary>
    /// <param name="id">Identity.</param>
    public long Value(string id) => values[Require(id)];

    /// <summary>Adds the relation total = sum of parts (every cell must exist and the counts must add up).</summary>
    /// <param name="total">The total's identity.</param>
    /// <param name="parts">The parts' identities.</param>
    public void Line(string total, IEnumerable<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var partIndexes = parts.Select(Require).Distinct().ToArray();
        var totalIndex = Require(total);
        if (partIndexes.Sum(i => values[i]) != values[totalIndex])
        {
            throw new InvalidOperationException($"Cells under {total} do not add up to it.");
        }

        if (partIndexes.Length > 0)
        {
            lines.Add((totalIndex, partIndexes));
            suppression = null;
        }
    }

    /// <summary>Hides a cell before the audit (e.g. a figure another rule already withholds).</summary>
    /// <param name="id">Identity.</param>
    public void Withhold(string id)
    {
        Solve();
        var i = Require(id);
        if (suppression![i] == Suppression.None)
        {
            suppression[i] = Suppression.Complementary;
            Propagate([i]);
            Repair();
        }
    }

    /// <summary>How a cell is suppressed.</summary>
    /// <param name="id">Identity.</param>
    public Suppression SuppressionOf(string id)
    {
        Solve();
        return suppression![Require(id)];
    }

    /// <summary>The relations (total, parts) by identity: what a reader can rely on.</summary>
    public IEnumerable<(string Total, IReadOnlyList<string> Parts)> Lines
    {
        get
        {
            var names = index.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
            return lines.Select(l => (names[l.Total], (IReadOnlyList<string>)l.Parts.Select(p => names[p]).ToList()));
        }
    }

    /// <summary>Every cell's identity, count, whether shown, and suppression.</summary>
    public IEnumerable<(string Id, long Value, bool Shown, Suppression Suppression)> Cells()
    {
        Solve();
        return index.OrderBy(p => p.Value).Select(p => (p.Key, values[p.Value], shown[p.Value], suppression![p.Value]));
    }

    private int Require(string id) => index.TryGetValue(id, out var i) ? i : throw new KeyNotFoundException($"No cell {id}.");

    private void Solve()
    {
        if (suppression is not null)
        {
            return;
        }

        suppression = values.Select(v => v > 0 && v < Threshold ? Suppression.Primary : Suppression.None).ToArray();
        Propagate(Enumerable.Range(0, values.Count).Where(i => suppression[i] != Suppression.None));
        Repair();
    }

    /// <summary>
    /// Line-by-line suppression can still leave a small count computable by combining several
    /// relations (a classic weakness in tables of three or more dimensions). So the grid audits
    /// itself as a reader would: each count becomes an interval (exact when published, 1 to
    /// threshold - 1 when labelled small, unbounded when hidden or never shown), every relation
    /// narrows the intervals until nothing changes, and any small count pinned to one value gets
    /// a further published cell of its relations hidden; repeat until the audit finds nothing.
    /// </summary>
    private void Repair()
    {
        var linesOf = LinesOf();
        for (var round = 0; round < 100; round++)
        {
            var leaks = Audit();
            if (leaks.Count == 0)
            {
                return;
            }

            var hidden = new List<int>();
            foreach (var leak in leaks)
            {
                if (RepairPartner(leak, linesOf) is { } partner && suppression![partner] == Suppression.None)
                {
                    suppression[partner] = Suppression.Complementary;
                    hidden.Add(partner);
                }
            }

            if (hidden.Count == 0)
            {
                return;
            }

            Propagate(hidden);
        }
    }

    private int? RepairPartner(int leak, List<int>[] linesOf)
    {
        // The smallest published, visible, non-zero cell within two relations of the leak.
        var near = new HashSet<int>();
        foreach (var l in linesOf[leak] ?? [])
        {
            foreach (var member in lines[l].Parts.Append(lines[l].Total))
            {
                near.Add(member);
                foreach (var l2 in linesOf[member] ?? [])
                {
                    near.UnionWith(lines[l2].Parts.Append(lines[l2].Total));
                }
            }
        }

        return near.Where(i => shown[i] && !known[i] && !Hidden(i) && values[i] > 0)
            .OrderBy(i => values[i]).ThenBy(i => i).Cast<int?>().FirstOrDefault();
    }

    /// <summary>The small counts a reader can pin down from what is published (interval propagation).</summary>
    private List<int> Audit()
    {
        const long Infinity = long.MaxValue / 4;
        var lo = new long[values.Count];
        var hi = new long[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            (lo[i], hi[i]) = known[i] || (shown[i] && !Hidden(i)) ? (values[i], values[i])
                : shown[i] && suppression![i] == Suppression.Primary ? (1, Threshold - 1)
                : (0, Infinity);
        }

        var changed = true;
        for (var round = 0; changed && round < 1000; round++)
        {
            changed = false;
            foreach (var (total, parts) in lines)
            {
                long sumLo = 0;
                long sumHi = 0;
                foreach (var p in parts)
                {
                    sumLo += lo[p];
                    sumHi = Math.Min(Infinity, sumHi + hi[p]);
                }

                changed |= Narrow(total, sumLo, sumHi);
                foreach (var p in parts)
                {
                    var othersLo = sumLo - lo[p];
                    var othersHi = sumHi >= Infinity ? Infinity : sumHi - hi[p];
                    changed |= Narrow(p, othersHi >= Infinity ? 0 : lo[total] - othersHi, hi[total] >= Infinity ? Infinity : hi[total] - othersLo);
                }
            }
        }

        return Enumerable.Range(0, values.Count).Where(i => !known[i] && values[i] > 0 && values[i] < Threshold && lo[i] == hi[i]).ToList();

        bool Narrow(int i, long newLo, long newHi)
        {
            var l = Math.Max(lo[i], newLo);
            var h = Math.Min(hi[i], newHi);
            if (l == lo[i] && h == hi[i])
            {
                return false;
            }

            (lo[i], hi[i]) = (l, h);
            return true;
        }
    }

    private List<int>[] LinesOf()
    {
        var linesOf = new List<int>[values.Count];
        for (var l = 0; l < lines.Count; l++)
        {
            foreach (var member in lines[l].Parts.Append(lines[l].Total))
            {
                (linesOf[member] ??= []).Add(l);
            }
        }

        return linesOf;
    }

    private void Propagate(IEnumerable<int> changed)
    {
        var linesOf = LinesOf();

        var queue = new Queue<int>(changed.SelectMany(c => linesOf[c] ?? []).Distinct());
        var queued = new HashSet<int>(queue);
        while (queue.Count > 0)
        {
            var l = queue.Dequeue();
            queued.Remove(l);
            if (Partner(lines[l]) is not { } partner)
            {
                continue;
            }

            suppression![partner] = Suppression.Complementary;
            queue.Enqueue(l);
            queued.Add(l);
            foreach (var other in linesOf[partner] ?? [])
            {
                if (queued.Add(other))
                {
                    queue.Enqueue(other);
                }
            }
        }
    }

    /// <summary>The cell to hide next so the relation is safe, or null when it is safe.</summary>
    private int? Partner((int Total, int[] Parts) line)
    {
        var hiddenParts = line.Parts.Where(Hidden).ToList();
        var totalHidden = Hidden(line.Total);
        var hiddenCount = hiddenParts.Count + (totalHidden ? 1 : 0);
        var derivableSum = hiddenParts.Sum(p => values[p]);
        var safe = hiddenCount == 0
            || (hiddenCount > 1 && (totalHidden || derivableSum == 0 || derivableSum >= Threshold));
        if (safe)
        {
            return null;
        }

        // The smallest other non-zero cell; among equals a never-shown cell (hiding it costs the reader nothing).
        return line.Parts.Append(line.Total)
            .Where(i => !Hidden(i) && values[i] > 0)
            .OrderBy(i => values[i])
            .ThenBy(i => shown[i])
            .ThenBy(i => i)
            .Cast<int?>()
            .FirstOrDefault();
    }

    private bool Hidden(int i) => suppression![i] != Suppression.None;
}
