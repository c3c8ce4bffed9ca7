using System.Text.Json.Serialization;

namespace SpineMetsRegistry.Domain.Instruments.Neurology;

/// <summary>
/// ASIA Impairment Scale of the International Standards for Neurological Classification of
/// Spinal Cord Injury (ISNCSCI), American Spinal Injury Association.
/// </summary>
public enum AsiaImpairmentScale
{
    /// <summary>A: complete; no sensory or motor function preserved in S4-S5.</summary>
    [JsonStringEnumMemberName("A")]
    A,

    /// <summary>B: sensory incomplete; sensory but no motor function preserved below the level, including S4-S5.</summary>
    [JsonStringEnumMemberName("B")]
    B,

    /// <summary>C: motor incomplete; most key muscles below the level grade below 3.</summary>
    [JsonStringEnumMemberName("C")]
    C,

    /// <summary>D: motor incomplete; at least half the key muscles below the level grade 3 or more.</summary>
    [JsonStringEnumMemberName("D")]
    D,

    /// <summary>E: normal sensory and motor function.</summary>
    [JsonStringEnumMemberName("E")]
    E,
}

/// <summary>
/// Frankel grade. Frankel HL et al. The value of postural reduction in the initial management of
/// closed injuries of the spine with paraplegia and tetraplegia. Paraplegia 1969;7(3):179-92.
/// </summary>
public enum FrankelGrade
{
    /// <summary>A: complete motor and sensory loss.</summary>
    [JsonStringEnumMemberName("A")]
    A,

    /// <summary>B: sensory only.</summary>
    [JsonStringEnumMemberName("B")]
    B,

    /// <summary>C: motor useless.</summary>
    [JsonStringEnumMemberName("C")]
    C,

    /// <summary>D: motor useful.</summary>
    [JsonStringEnumMemberName("D")]
    D,

    /// <summary>E: recovery, no neurological symptoms.</summary>
    [JsonStringEnumMemberName("E")]
    E,
}

/// <summary>Registry codes of the neurological grades.</summary>
public static class NeurologyCodes
{
    /// <summary>ASIA codes: <c>A</c>-<c>E</c>.</summary>
    public static CodeTable<AsiaImpairmentScale> Asia { get; } = new("ASIA impairment scale");

    /// <summary>Frankel codes: <c>A</c>-<c>E</c>.</summary>
    public static CodeTable<FrankelGrade> Frankel { get; } = new("Frankel grade");
}
