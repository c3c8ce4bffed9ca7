using SpineMetsRegistry.Synthetic;

namespace SpineMetsRegistry.EndToEnd.Tests.Support;

/// <summary>Builds rows field by field.</summary>
internal static class Rows
{
    public static SyntheticRow Row(params (string Field, string Value)[] values)
    {
        var row = new SyntheticRow();
        foreach (var (field, value) in values)
        {
            row[field] = value;
        }

        return row;
    }

    /// <summary>A copy with some fields changed (a correction) or removed (null).</summary>
    public static SyntheticRow With(this SyntheticRow row, params (string Field, string? Value)[] changes)
    {
        var copy = new SyntheticRow();
        foreach (var (field, value) in row)
        {
            copy[field] = value;
        }

        foreach (var (field, value) in changes)
        {
            if (value is null)
            {
                copy.Remove(field);
            }
            else
            {
                copy[field] = value;
            }
        }

        return copy;
    }

    public static string? Value(this SyntheticRow row, string field) => row.TryGetValue(field, out var value) ? value : null;

    public static bool IsEnrollment(this SyntheticRow row) => row.Value("record_type") == "enrollment";

    public static bool IsFollowUp(this SyntheticRow row) => row.Value("record_type") == "followup";

    public static string StudyId(this SyntheticRow row) => row.Value("study_id") ?? throw new InvalidOperationException("A row without a study ID.");
}
