using System.Globalization;

namespace SpineMetsRegistry.Domain.Records;

/// <summary>
/// Canonical text forms of typed field values: what is staged, stored and exported, so a
/// value reads back exactly as validated.
/// </summary>
public static class FieldValues
{
    /// <summary>Renders a typed value (long, decimal, DateOnly, bool, string, AgeAtIndex, string[]) canonically.</summary>
    public static string ToCanonical(object value) => value switch
    {
        long number => number.ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        string text => text,
        AgeAtIndex age => age.ToString(),
        IReadOnlyList<string> codes => string.Join(';', codes),
        _ => throw new ArgumentException($"Unsupported field value type {value.GetType().Name}.", nameof(value)),
    };
}
