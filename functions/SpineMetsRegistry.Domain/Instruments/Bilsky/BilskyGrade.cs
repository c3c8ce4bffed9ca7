using System.Text.Json.Serialization;

namespace SpineMetsRegistry.Domain.Instruments.Bilsky;

/// <summary>
/// Epidural spinal cord compression (ESCC) grade on axial T2 MRI at the worst level.
/// Bilsky MH et al. Reliability analysis of the epidural spinal cord compression scale.
/// J Neurosurg Spine 2010;13(3):324-8.
/// </summary>
public enum BilskyGrade
{
    /// <summary>0: disease confined to bone (code <c>0</c>).</summary>
    [JsonStringEnumMemberName("0")]
    Grade0,

    /// <summary>1a: epidural impingement without deformation of the thecal sac (code <c>1a</c>).</summary>
    [JsonStringEnumMemberName("1a")]
    Grade1a,

    /// <summary>1b: thecal sac deformed, spinal cord not abutted (code <c>1b</c>).</summary>
    [JsonStringEnumMemberName("1b")]
    Grade1b,

    /// <summary>1c: thecal sac deformed, cord abutted but not compressed (code <c>1c</c>).</summary>
    [JsonStringEnumMemberName("1c")]
    Grade1c,

    /// <summary>2: cord compressed, CSF visible around the cord (code <c>2</c>).</summary>
    [JsonStringEnumMemberName("2")]
    Grade2,

    /// <summary>3: cord compressed, no CSF visible around the cord (code <c>3</c>).</summary>
    [JsonStringEnumMemberName("3")]
    Grade3,
}

/// <summary>Low- versus high-grade epidural spinal cord compression.</summary>
public enum EsccSeverity
{
    /// <summary>Low grade: 0, 1a, 1b (and 1c under the low-grade policy).</summary>
    [JsonStringEnumMemberName("low")]
    LowGrade,

    /// <summary>High grade: 2, 3 (and 1c under the high-grade policy).</summary>
    [JsonStringEnumMemberName("high")]
    HighGrade,
}

/// <summary>
/// How grade 1c is classed. Bilsky 2010 calls 0-1b low grade and 2-3 high grade; 1c is
/// contested, so the registry makes it a named setting (default <see cref="LowGrade"/>).
/// </summary>
public enum BilskyGrade1cPolicy
{
    /// <summary>1c is low grade (code <c>low</c>; registry default).</summary>
    [JsonStringEnumMemberName("low")]
    LowGrade,

    /// <summary>1c is high grade (code <c>high</c>).</summary>
    [JsonStringEnumMemberName("high")]
    HighGrade,
}

/// <summary>Registry codes of the Bilsky inputs.</summary>
public static class BilskyCodes
{
    /// <summary>Grade codes: <c>0, 1a, 1b, 1c, 2, 3</c>.</summary>
    public static CodeTable<BilskyGrade> Grade { get; } = new("Bilsky ESCC grade");

    /// <summary>1c policy codes: <c>low|high</c>.</summary>
    public static CodeTable<BilskyGrade1cPolicy> Grade1cPolicy { get; } = new("Bilsky 1c policy");

    /// <summary>Severity codes: <c>low|high</c>.</summary>
    public static CodeTable<EsccSeverity> Severity { get; } = new("ESCC severity");
}
