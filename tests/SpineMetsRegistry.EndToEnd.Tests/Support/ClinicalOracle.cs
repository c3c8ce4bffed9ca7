using System.Globalization;
using SpineMetsRegistry.Synthetic;

namespace SpineMetsRegistry.EndToEnd.Tests.Support;

/// <summary>
/// The expected scores of a row, computed here from the published definitions (see
/// /work/shared/reference/clinical-instruments.md), not with the registry's own code, so a
/// scoring defect anywhere between the upload and the tables shows up as a difference.
/// </summary>
internal static class ClinicalOracle
{
    /// <summary>SINS total (Fisher CG et al., Spine 2010;35(22):E1221-9), or null when a component is missing.</summary>
    public static int? SinsTotal(SyntheticRow row)
    {
        int? Points(string field, IReadOnlyDictionary<string, int> table) =>
            row.Value(field) is { } code ? table[code] : null;

        var parts = new[]
        {
            row.Value("index_level") is { } level ? SinsLocation(level) : null,
            Points("sins_pain", new Dictionary<string, int> { ["mechanical"] = 3, ["occasional"] = 1, ["none"] = 0 }),
            Points("sins_bone_lesion", new Dictionary<string, int> { ["lytic"] = 2, ["mixed"] = 1, ["blastic"] = 0 }),
            Points("sins_alignment", new Dictionary<string, int> { ["subluxation"] = 4, ["deformity"] = 2, ["normal"] = 0 }),
            Points("sins_collapse", new Dictionary<string, int> { ["over_50"] = 3, ["under_50"] = 2, ["no_collapse_over_50_involved"] = 1, ["none"] = 0 }),
            Points("sins_posterolateral", new Dictionary<string, int> { ["bilateral"] = 3, ["unilateral"] = 1, ["none"] = 0 }),
        };
        return parts.Any(p => p is null) ? null : parts.Sum(p => p!.Value);
    }

    /// <summary>The SINS category code: 0-6 stable, 7-12 potentially unstable, 13-18 unstable.</summary>
    public static string SinsCategory(int total) => total switch
    {
        <= 6 => "stable",
        <= 12 => "potentially_unstable",
        _ => "unstable",
    };

    /// <summary>
    /// The EQ-5D-5L index with the USA value set (Pickard 2019): one minus the decrement of
    /// each dimension at its level, no constant; null unless all five dimensions are answered.
    /// </summary>
    public static decimal? Eq5d5LIndexUsa(SyntheticRow row)
    {
        if (row.Value("eq5d_version") != "5L")
        {
            return null;
        }

        var decrements = new Dictionary<string, decimal[]>
        {
            // Levels 1..5; level 1 has no decrement.
            ["eq5d_mo"] = [0m, 0.096m, 0.122m, 0.237m, 0.322m],
            ["eq5d_sc"] = [0m, 0.089m, 0.107m, 0.220m, 0.261m],
            ["eq5d_ua"] = [0m, 0.068m, 0.101m, 0.255m, 0.255m],
            ["eq5d_pd"] = [0m, 0.060m, 0.098m, 0.318m, 0.414m],
            ["eq5d_ad"] = [0m, 0.057m, 0.123m, 0.299m, 0.321m],
        };
        var index = 1m;
        foreach (var (dimension, table) in decrements)
        {
            if (row.Value(dimension) is not { } level)
            {
                return null;
            }

            index -= table[int.Parse(level, CultureInfo.InvariantCulture) - 1];
        }

        return Math.Round(index, 3, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The SOSGOQ 2.0 total under the registry's documented default: each item's five levels
    /// mapped linearly to 100 (level 1) .. 0 (level 5), no item reversed, total = mean of the
    /// answered items when at least 15 of the 20 are answered, two decimals half away from zero.
    /// </summary>
    public static decimal? SosgoqTotal(SyntheticRow row)
    {
        var answered = Enumerable.Range(1, 20)
            .Select(i => row.Value("sosgoq_" + i.ToString("D2", CultureInfo.InvariantCulture)))
            .Where(v => v is not null)
            .Select(v => 25m * (5 - int.Parse(v!, CultureInfo.InvariantCulture)))
            .ToList();
        return answered.Count >= 15 ? Math.Round(answered.Average(), 2, MidpointRounding.AwayFromZero) : null;
    }

    private static int SinsLocation(string level)
    {
        var region = level[0];
        var number = int.Parse(level[1..], CultureInfo.InvariantCulture);
        return (region, number) switch
        {
            ('C', <= 2) or ('C', 7) or ('T', <= 2) or ('T', >= 11) or ('L', 1) or ('L', 5) or ('S', 1) => 3, // junctional
            ('C', _) or ('L', _) => 2, // mobile: C3-C6, L2-L4
            ('T', _) => 1, // semirigid: T3-T10
            _ => 0, // rigid: S2-S5
        };
    }
}
