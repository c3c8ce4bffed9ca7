using System.Text.Json.Serialization;

namespace SpineMetsRegistry.Domain.Instruments.Sins;

/// <summary>SINS location class of the lesion (Fisher 2010), derived from the vertebral level.</summary>
public enum SinsLocation
{
    /// <summary>Junctional: occiput-C2, C7-T2, T11-L1, L5-S1 (3 points).</summary>
    [JsonStringEnumMemberName("junctional")]
    Junctional,

    /// <summary>Mobile spine: C3-C6, L2-L4 (2 points).</summary>
    [JsonStringEnumMemberName("mobile")]
    Mobile,

    /// <summary>Semirigid: T3-T10 (1 point).</summary>
    [JsonStringEnumMemberName("semirigid")]
    Semirigid,

    /// <summary>Rigid: S2-S5 (0 points).</summary>
    [JsonStringEnumMemberName("rigid")]
    Rigid,
}

/// <summary>SINS pain component.</summary>
public enum SinsPain
{
    /// <summary>Mechanical pain: relief when recumbent and/or pain with movement or loading (code <c>mechanical</c>, 3 points).</summary>
    [JsonStringEnumMemberName("mechanical")]
    Mechanical,

    /// <summary>Occasional, non-mechanical pain (code <c>occasional</c>, 1 point).</summary>
    [JsonStringEnumMemberName("occasional")]
    Occasional,

    /// <summary>Pain-free lesion (code <c>none</c>, 0 points).</summary>
    [JsonStringEnumMemberName("none")]
    None,
}

/// <summary>SINS bone lesion component.</summary>
public enum SinsBoneLesion
{
    /// <summary>Lytic (code <c>lytic</c>, 2 points).</summary>
    [JsonStringEnumMemberName("lytic")]
    Lytic,

    /// <summary>Mixed lytic/blastic (code <c>mixed</c>, 1 point).</summary>
    [JsonStringEnumMemberName("mixed")]
    Mixed,

    /// <summary>Blastic (code <c>blastic</c>, 0 points).</summary>
    [JsonStringEnumMemberName("blastic")]
    Blastic,
}

/// <summary>SINS radiographic spinal alignment component.</summary>
public enum SinsAlignment
{
    /// <summary>Subluxation or translation present (code <c>subluxation</c>, 4 points).</summary>
    [JsonStringEnumMemberName("subluxation")]
    Subluxation,

    /// <summary>De novo deformity: kyphosis or scoliosis (code <c>deformity</c>, 2 points).</summary>
    [JsonStringEnumMemberName("deformity")]
    Deformity,

    /// <summary>Normal alignment (code <c>normal</c>, 0 points).</summary>
    [JsonStringEnumMemberName("normal")]
    Normal,
}

/// <summary>SINS vertebral body collapse component.</summary>
public enum SinsCollapse
{
    /// <summary>More than 50% collapse (code <c>over_50</c>, 3 points).</summary>
    [JsonStringEnumMemberName("over_50")]
    Over50,

    /// <summary>Less than 50% collapse (code <c>under_50</c>, 2 points).</summary>
    [JsonStringEnumMemberName("under_50")]
    Under50,

    /// <summary>No collapse with more than 50% of the body involved (code <c>no_collapse_over_50_involved</c>, 1 point).</summary>
    [JsonStringEnumMemberName("no_collapse_over_50_involved")]
    NoCollapseOver50Involved,

    /// <summary>None of the above (code <c>none</c>, 0 points).</summary>
    [JsonStringEnumMemberName("none")]
    None,
}

/// <summary>SINS posterolateral involvement of spinal elements (facet, pedicle or costovertebral joint).</summary>
public enum SinsPosterolateral
{
    /// <summary>Bilateral (code <c>bilateral</c>, 3 points).</summary>
    [JsonStringEnumMemberName("bilateral")]
    Bilateral,

    /// <summary>Unilateral (code <c>unilateral</c>, 1 point).</summary>
    [JsonStringEnumMemberName("unilateral")]
    Unilateral,

    /// <summary>None (code <c>none</c>, 0 points).</summary>
    [JsonStringEnumMemberName("none")]
    None,
}

/// <summary>SINS stability category of the total.</summary>
public enum SinsCategory
{
    /// <summary>0-6: stable.</summary>
    Stable,

    /// <summary>7-12: potentially unstable (indeterminate).</summary>
    PotentiallyUnstable,

    /// <summary>13-18: unstable.</summary>
    Unstable,
}

/// <summary>Registry codes of the SINS components.</summary>
public static class SinsCodes
{
    /// <summary>Pain codes: <c>mechanical|occasional|none</c>.</summary>
    public static CodeTable<SinsPain> Pain { get; } = new("SINS pain");

    /// <summary>Bone lesion codes: <c>lytic|mixed|blastic</c>.</summary>
    public static CodeTable<SinsBoneLesion> BoneLesion { get; } = new("SINS bone lesion");

    /// <summary>Alignment codes: <c>subluxation|deformity|normal</c>.</summary>
    public static CodeTable<SinsAlignment> Alignment { get; } = new("SINS alignment");

    /// <summary>Collapse codes: <c>over_50|under_50|no_collapse_over_50_involved|none</c>.</summary>
    public static CodeTable<SinsCollapse> Collapse { get; } = new("SINS collapse");

    /// <summary>Posterolateral involvement codes: <c>bilateral|unilateral|none</c>.</summary>
    public static CodeTable<SinsPosterolateral> Posterolateral { get; } = new("SINS posterolateral involvement");

    /// <summary>Location class codes (derived, never entered): <c>junctional|mobile|semirigid|rigid</c>.</summary>
    public static CodeTable<SinsLocation> Location { get; } = new("SINS location");
}
