using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Domain.Aggregation;

/// <summary>A stored score as aggregation sees it.</summary>
/// <param name="Value">The number, or null.</param>
/// <param name="Category">The category, or null.</param>
public readonly record struct ScoreValue(decimal? Value, string? Category);

/// <summary>One stored record as input to aggregation: canonical values and derived scores.</summary>
/// <param name="Kind">Enrollment or follow-up.</param>
/// <param name="StudyId">The study ID (used only to link visits to their baseline; never output).</param>
/// <param name="RecordKey">The record key (time point for visits).</param>
/// <param name="Values">Canonical values by field code.</param>
/// <param name="Scores">Scores by name.</param>
public sealed record AggregationRecord(
    RecordKind Kind,
    string StudyId,
    string RecordKey,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, ScoreValue> Scores)
{
    /// <summary>A value, or null.</summary>
    public string? Value(string field) => Values.TryGetValue(field, out var value) ? value : null;

    /// <summary>A score's number, or null.</summary>
    public decimal? ScoreNumber(string name) => Scores.TryGetValue(name, out var score) ? score.Value : null;

    /// <summary>A score's category, or null.</summary>
    public string? ScoreCategory(string name) => Scores.TryGetValue(name, out var score) ? score.Category : null;
}
