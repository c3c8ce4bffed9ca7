using System.Collections.Frozen;
using System.Text.Json;

namespace SpineMetsRegistry.Domain.Scoring;

/// <summary>
/// The snake_case names of an enum's members (e.g. <c>PotentiallyUnstable</c> to
/// <c>potentially_unstable</c>), the categories scores are stored with. Converted once per
/// member rather than once per scored row.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal static class SnakeCaseNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(value => value, Convert);

    /// <summary>The snake_case name of <paramref name="value"/> (a value outside the members is converted as it is).</summary>
    public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : Convert(value);

    private static string Convert(TEnum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
