using System.Text.Json.Serialization;

namespace SpineMetsRegistry.Domain.Instruments.Eq5d;

/// <summary>EQ-5D descriptive-system version.</summary>
public enum Eq5dVersion
{
    /// <summary>EQ-5D-3L: three levels per dimension (code <c>3L</c>). EuroQol Group, Health Policy 1990;16(3):199-208.</summary>
    [JsonStringEnumMemberName("3L")]
    ThreeLevel,

    /// <summary>EQ-5D-5L: five levels per dimension (code <c>5L</c>). Herdman M et al., Qual Life Res 2011;20(10):1727-36.</summary>
    [JsonStringEnumMemberName("5L")]
    FiveLevel,
}

/// <summary>EQ-5D dimensions, in the order of the digits of a health-state code.</summary>
public enum Eq5dDimension
{
    /// <summary>Mobility (code <c>MO</c>), first digit.</summary>
    [JsonStringEnumMemberName("MO")]
    Mobility,

    /// <summary>Self-care (code <c>SC</c>), second digit.</summary>
    [JsonStringEnumMemberName("SC")]
    SelfCare,

    /// <summary>Usual activities (code <c>UA</c>), third digit.</summary>
    [JsonStringEnumMemberName("UA")]
    UsualActivities,

    /// <summary>Pain / discomfort (code <c>PD</c>), fourth digit.</summary>
    [JsonStringEnumMemberName("PD")]
    PainDiscomfort,

    /// <summary>Anxiety / depression (code <c>AD</c>), fifth digit.</summary>
    [JsonStringEnumMemberName("AD")]
    AnxietyDepression,
}

/// <summary>Codes and level counts of the EQ-5D versions and dimensions.</summary>
public static class Eq5dCodes
{
    /// <summary>Version codes: <c>3L|5L</c>.</summary>
    public static CodeTable<Eq5dVersion> Version { get; } = new("EQ-5D version");

    /// <summary>Dimension codes: <c>MO, SC, UA, PD, AD</c>.</summary>
    public static CodeTable<Eq5dDimension> Dimension { get; } = new("EQ-5D dimension");

    /// <summary>The five dimensions in state-code order.</summary>
    public static IReadOnlyList<Eq5dDimension> Dimensions { get; } = Enum.GetValues<Eq5dDimension>();

    /// <summary>Number of levels per dimension: 3 for 3L, 5 for 5L.</summary>
    /// <param name="version">The version.</param>
    public static int LevelCount(Eq5dVersion version) => version switch
    {
        Eq5dVersion.ThreeLevel => 3,
        Eq5dVersion.FiveLevel => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };
}
