using System.Collections.Immutable;
using System.Text.Json;
using SpineMetsRegistry.Domain.Outcomes;
using SpineMetsRegistry.Domain.Statistics;

namespace SpineMetsRegistry.Pipeline.Aggregates;

/// <summary>
/// Stores the data-quality counts (<see cref="DataQualityCounts"/>): each site's in its own scope,
/// and every site's together in the pooled scope (one read answers the committee's table).
/// </summary>
public static class DataQualityDocuments
{
    /// <summary>The document's name.</summary>
    public const string Name = "data_quality";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The storage scope of a scope's data-quality document.</summary>
    /// <param name="scope">"pooled" or "site:&lt;code&gt;".</param>
    public static string StorageScope(string scope) => "quality:" + scope;

    /// <summary>Serializes counts by site.</summary>
    /// <param name="bySite">Counts by site code.</param>
    public static string Serialize(IReadOnlyDictionary<string, DataQualityCounts> bySite)
    {
        ArgumentNullException.ThrowIfNull(bySite);
        return JsonSerializer.Serialize(bySite.ToDictionary(s => s.Key, s => ToDto(s.Value), StringComparer.Ordinal), Options);
    }

    /// <summary>Reads counts by site (empty for null).</summary>
    /// <param name="json">A document written by <see cref="Serialize"/>.</param>
    public static IReadOnlyDictionary<string, DataQualityCounts> Deserialize(string? json) =>
        json is null
            ? new Dictionary<string, DataQualityCounts>(StringComparer.Ordinal)
            : (JsonSerializer.Deserialize<Dictionary<string, CountsDto>>(json, Options) ?? [])
                .ToDictionary(s => s.Key, s => FromDto(s.Value), StringComparer.Ordinal);

    private static CountsDto ToDto(DataQualityCounts counts) => new()
    {
        Compliance = counts.Compliance.ToDictionary(c => c.Key, c => new[] { c.Value.Successes, c.Value.Total }, StringComparer.Ordinal),
        Missing = counts.Missing.ToDictionary(c => c.Key, c => new[] { c.Value.Successes, c.Value.Total }, StringComparer.Ordinal),
        Batches = [counts.Batches.Successes, counts.Batches.Total],
        ProcessingSeconds = counts.ProcessingSeconds.Entries.Select(e => new[] { e.Key, e.Value }).ToList(),
    };

    private static DataQualityCounts FromDto(CountsDto dto) => new()
    {
        Compliance = dto.Compliance.ToImmutableSortedDictionary(c => c.Key, c => new ProportionCounts(c.Value[0], c.Value[1]), StringComparer.Ordinal),
        Missing = dto.Missing.ToImmutableSortedDictionary(c => c.Key, c => new ProportionCounts(c.Value[0], c.Value[1]), StringComparer.Ordinal),
        Batches = dto.Batches.Length == 2 ? new ProportionCounts(dto.Batches[0], dto.Batches[1]) : default,
        ProcessingSeconds = ValueCounts.FromEntries(dto.ProcessingSeconds.Select(e => new KeyValuePair<decimal, long>(e[0], checked((long)e[1])))),
    };

    private sealed class CountsDto
    {
        public Dictionary<string, long[]> Compliance { get; set; } = [];

        public Dictionary<string, long[]> Missing { get; set; } = [];

        public long[] Batches { get; set; } = [];

        public List<decimal[]> ProcessingSeconds { get; set; } = [];
    }
}
