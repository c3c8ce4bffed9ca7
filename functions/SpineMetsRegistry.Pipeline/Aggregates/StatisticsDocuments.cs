using System.Globalization;
using System.Text;
using System.Text.Json;
using SpineMetsRegistry.Domain.Committee;
using SpineMetsRegistry.Domain.Statistics;
using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Pipeline.Aggregates;

/// <summary>
/// The stored form of a scope's committee statistics (<see cref="SiteStatistics"/>): compact JSON
/// documents of whole cells, split so that no document comes near the Table Storage entity limit
/// (1 MiB; the store splits a document over 64 KiB string properties). A scope's documents are one
/// partition ("statistics:pooled", "statistics:site:S01"), so a request reads one or two partitions.
/// </summary>
public static class StatisticsDocuments
{
    /// <summary>The prefix of the documents' names ("statistics.000", "statistics.001", ...).</summary>
    public const string NamePrefix = "statistics.";

    /// <summary>Characters per document at most (an entity holds 1 MiB of UTF-16: about 500,000 characters).</summary>
    public const int MaxCharacters = 300_000;

    /// <summary>The storage scope of a scope's statistics.</summary>
    /// <param name="scope">"pooled" or "site:&lt;code&gt;".</param>
    public static string StorageScope(string scope) => "statistics:" + scope;

    /// <summary>
    /// Serializes the statistics into documents of at most <see cref="MaxCharacters"/> characters
    /// (one cell is never split), one document at a time: each is made only when the caller asks
    /// for it, so a caller that writes each before taking the next holds one document, not the
    /// scope's. A million-row site's statistics are about 8.4 million characters (39 documents).
    /// </summary>
    /// <param name="statistics">The statistics.</param>
    public static IEnumerable<string> Serialize(SiteStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return SerializeCells(statistics);
    }

    private static IEnumerable<string> SerializeCells(SiteStatistics statistics)
    {
        var document = new StringBuilder("[");
        foreach (var (key, cell) in statistics.Cells.OrderBy(c => c.Key.ToString(), StringComparer.Ordinal))
        {
            var json = JsonSerializer.Serialize(ToDto(key, cell), AggregateJson.Options);
            if (document.Length > 1 && document.Length + json.Length + 1 > MaxCharacters)
            {
                yield return document.Append(']').ToString();
                document.Clear().Append('[');
            }

            if (document.Length > 1)
            {
                document.Append(',');
            }

            document.Append(json);
        }

        yield return document.Append(']').ToString();
    }

    /// <summary>The name of the i-th document.</summary>
    /// <param name="index">0-based.</param>
    public static string Name(int index) => NamePrefix + index.ToString("000", CultureInfo.InvariantCulture);

    /// <summary>Reads the statistics back from its documents.</summary>
    /// <param name="documents">The documents' JSON.</param>
    public static SiteStatistics Deserialize(IEnumerable<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var cells = new Dictionary<CellKey, StatisticsCell>();
        foreach (var json in documents)
        {
            AddCells(cells, json);
        }

        return new SiteStatistics(cells);
    }

    /// <summary>
    /// Reads a scope's stored statistics (empty when none) one document per request, each read
    /// into the cells and let go before the next: the memory is that of the statistics and one
    /// document. One query for all of them would be one response of the scope's size (8.4
    /// million characters at a million rows), which the SDK parses whole into pooled buffers
    /// that the pool keeps. A document deleted between the listing and its read belonged to a
    /// longer, older version and is skipped; readers that must not mix versions compare the
    /// scope's versions before and after, as the committee API does.
    /// </summary>
    /// <param name="store">The aggregate store.</param>
    /// <param name="scope">"pooled" or "site:&lt;code&gt;".</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<SiteStatistics> ReadAsync(IAggregateStore store, string scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var storageScope = StorageScope(scope);
        var names = new List<string>();
        await foreach (var version in store.ListVersionsAsync(storageScope, cancellationToken))
        {
            names.Add(version.Name);
        }

        var cells = new Dictionary<CellKey, StatisticsCell>();
        foreach (var name in names)
        {
            if (await store.ReadAsync(storageScope, name, cancellationToken) is { } document)
            {
                AddCells(cells, document.Json);
            }
        }

        return new SiteStatistics(cells);
    }

    private static void AddCells(Dictionary<CellKey, StatisticsCell> cells, string json)
    {
        foreach (var dto in JsonSerializer.Deserialize<List<CellDto>>(json, AggregateJson.Options) ?? [])
        {
            var key = new CellKey(dto.Key[0], dto.Key[1], dto.Key[2]);
            var cell = FromDto(dto);
            cells[key] = cells.TryGetValue(key, out var existing) ? existing.Merge(cell) : cell;
        }
    }

    private static CellDto ToDto(CellKey key, StatisticsCell cell) => new()
    {
        Key = [.. key.Values],
        Enrolled = cell.Enrolled,
        Survival = Days(cell.Survival),
        Nesms = cell.SurvivalByNesms.ToDictionary(n => n.Key, n => Days(n.Value), StringComparer.Ordinal),
        Visits = cell.Visits.ToDictionary(v => v.Key, v => v.Value.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal), StringComparer.Ordinal),
        Outcomes = cell.Outcomes.ToDictionary(
            o => o.Key,
            o => o.Value.ToDictionary(t => t.Key, t => new OutcomeDto
            {
                Values = Entries(t.Value.Values),
                Changes = Entries(t.Value.Changes),
                Mcid = t.Value.McidReached,
            }, StringComparer.Ordinal),
            StringComparer.Ordinal),
        Tallies = cell.Tallies.ToDictionary(t => t.Key, t => t.Value.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal), StringComparer.Ordinal),
        Qalys = cell.Qalys.ToDictionary(q => q.Key, q => new[] { q.Value.N, q.Value.Sum, q.Value.SumOfSquares }, StringComparer.Ordinal),
    };

    private static StatisticsCell FromDto(CellDto dto) => new()
    {
        Enrolled = dto.Enrolled,
        Survival = Counts(dto.Survival),
        SurvivalByNesms = dto.Nesms.ToDictionary(n => n.Key, n => Counts(n.Value), StringComparer.Ordinal),
        Visits = dto.Visits.ToDictionary(v => v.Key, v => (IReadOnlyDictionary<string, long>)v.Value, StringComparer.Ordinal),
        Outcomes = dto.Outcomes.ToDictionary(
            o => o.Key,
            o => (IReadOnlyDictionary<string, OutcomeStatistics>)o.Value.ToDictionary(
                t => t.Key,
                t => new OutcomeStatistics(Values(t.Value.Values), Values(t.Value.Changes), t.Value.Mcid),
                StringComparer.Ordinal),
            StringComparer.Ordinal),
        Tallies = dto.Tallies.ToDictionary(t => t.Key, t => (IReadOnlyDictionary<string, long>)t.Value, StringComparer.Ordinal),
        Qalys = dto.Qalys.ToDictionary(q => q.Key, q => new MomentSums(checked((long)q.Value[0]), q.Value[1], q.Value[2]), StringComparer.Ordinal),
    };

    private static List<decimal[]> Days(SurvivalCounts counts) => counts.Days.Select(d => new[] { d.Key, d.Value.Events, d.Value.Censored }).ToList();

    private static SurvivalCounts Counts(List<decimal[]> days) =>
        SurvivalCounts.FromDays(days.Select(d => new KeyValuePair<decimal, DayCounts>(d[0], new DayCounts(checked((long)d[1]), checked((long)d[2])))));

    private static List<decimal[]> Entries(ValueCounts counts) => counts.Entries.Select(e => new[] { e.Key, e.Value }).ToList();

    private static ValueCounts Values(List<decimal[]> entries) =>
        ValueCounts.FromEntries(entries.Select(e => new KeyValuePair<decimal, long>(e[0], checked((long)e[1]))));

    private sealed class CellDto
    {
        public string[] Key { get; set; } = [];

        public long Enrolled { get; set; }

        public List<decimal[]> Survival { get; set; } = [];

        public Dictionary<string, List<decimal[]>> Nesms { get; set; } = [];

        public Dictionary<string, Dictionary<string, long>> Visits { get; set; } = [];

        public Dictionary<string, Dictionary<string, OutcomeDto>> Outcomes { get; set; } = [];

        // Absent in documents written before the clinical tables existed: read as empty until the site's next batch recomputes them.
        public Dictionary<string, Dictionary<string, long>> Tallies { get; set; } = [];

        public Dictionary<string, decimal[]> Qalys { get; set; } = [];
    }

    private sealed class OutcomeDto
    {
        public List<decimal[]> Values { get; set; } = [];

        public List<decimal[]> Changes { get; set; } = [];

        public long Mcid { get; set; }
    }
}
