using SpineMetsRegistry.Domain.Instruments.Disease;

namespace SpineMetsRegistry.Domain.Instruments.Bilsky;

/// <summary>Radiosensitivity of a histology to conventional external-beam radiotherapy, as NOMS uses it.</summary>
public enum Radiosensitivity
{
    /// <summary>Radiosensitive: conventional EBRT regardless of ESCC grade.</summary>
    Radiosensitive,

    /// <summary>Radioresistant: SRS, after separation surgery when ESCC is high grade.</summary>
    Radioresistant,
}

/// <summary>
/// A named, configurable map from primary tumour to radiosensitivity: the listed primaries are
/// radiosensitive, every other primary radioresistant. Laufer I et al., Oncologist
/// 2013;18(6):744-51 (doi 10.1634/theoncologist.2012-0293) names lymphoma, myeloma and seminoma
/// as radiosensitive and renal cell, melanoma, thyroid, colorectal and sarcoma as radioresistant.
/// Breast and prostate are often treated as sensitive, which the registry could not verify, so
/// they are not in the default: a registry that treats them as sensitive configures
/// <c>InstrumentSettings.RadiosensitiveHistologies</c>.
/// </summary>
public sealed class RadiosensitivityMap
{
    /// <summary>Name of <see cref="RegistryDefault"/>.</summary>
    public const string RegistryDefaultName = "registry-default-1";

    /// <summary>Name given to a map built from configured histologies.</summary>
    public const string ConfiguredName = "configured";

    private readonly HashSet<PrimaryTumour> sensitive;

    /// <summary>Creates a map.</summary>
    /// <param name="name">Name recorded with every NOMS suggestion.</param>
    /// <param name="radiosensitive">The radiosensitive primaries.</param>
    public RadiosensitivityMap(string name, IEnumerable<PrimaryTumour> radiosensitive)
    {
        Name = name;
        sensitive = [.. radiosensitive];
        Radiosensitive = [.. Enum.GetValues<PrimaryTumour>().Where(sensitive.Contains)];

        // Recorded with every NOMS suggestion: built once, not per row.
        Label = $"{Name}: radiosensitive = {string.Join(", ", Radiosensitive.Select(DiseaseCodes.PrimaryTumour.ToCode))}; all others radioresistant";
    }

    /// <summary>
    /// The registry default: lymphoma, myeloma and germ cell tumours (the registry code
    /// <c>germ_cell</c> stands for seminoma, which it cannot tell apart from non-seminoma).
    /// </summary>
    public static RadiosensitivityMap RegistryDefault { get; } =
        new(RegistryDefaultName, [PrimaryTumour.Lymphoma, PrimaryTumour.Myeloma, PrimaryTumour.GermCell]);

    /// <summary>Map name.</summary>
    public string Name { get; }

    /// <summary>The radiosensitive primaries, in code order.</summary>
    public IReadOnlyList<PrimaryTumour> Radiosensitive { get; }

    /// <summary>The radiosensitivity of a primary.</summary>
    /// <param name="primary">The primary tumour.</param>
    public Radiosensitivity Classify(PrimaryTumour primary) =>
        sensitive.Contains(primary) ? Bilsky.Radiosensitivity.Radiosensitive : Bilsky.Radiosensitivity.Radioresistant;

    /// <summary>Name and radiosensitive codes, the form recorded in score rules.</summary>
    public string Label { get; }
}
