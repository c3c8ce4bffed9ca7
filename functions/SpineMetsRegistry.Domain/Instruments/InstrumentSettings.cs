using SpineMetsRegistry.Domain.Instruments.Bilsky;
using SpineMetsRegistry.Domain.Instruments.Change;

namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>
/// The registry's instrument choices, bindable from configuration (section
/// <see cref="SectionName"/>): plain settable properties and lists, each with a documented
/// default. Resolve them with <see cref="InstrumentSettingsResolver"/> before scoring, which
/// checks every name against the catalogs and reports every problem at once.
/// </summary>
public sealed class InstrumentSettings
{
    /// <summary>Configuration section the host binds: <c>Instruments</c>.</summary>
    public const string SectionName = "Instruments";

    /// <summary>EQ-5D-3L value set. Default <c>UK-TTO</c> (Dolan 1997), the only 3L set shipped.</summary>
    public string Eq5d3LValueSet { get; set; } = "UK-TTO";

    /// <summary>
    /// EQ-5D-5L value set: <c>England</c>, <c>USA</c> or <c>Netherlands</c>, or any set added as
    /// JSON. Default <c>England</c> (Devlin 2018); a registry sets the value set of its population.
    /// </summary>
    public string Eq5d5LValueSet { get; set; } = "England";

    /// <summary>How Bilsky grade 1c is classed. Default <see cref="BilskyGrade1cPolicy.LowGrade"/> (config values <c>LowGrade</c> or <c>HighGrade</c>).</summary>
    public BilskyGrade1cPolicy BilskyGrade1cPolicy { get; set; } = BilskyGrade1cPolicy.LowGrade;

    /// <summary>Name of the KPS-ECOG map in force. Default <c>conventional</c> (<see cref="Performance.KpsEcogMaps.Conventional"/>).</summary>
    public string KpsEcogMap { get; set; } = Performance.KpsEcogMaps.ConventionalName;

    /// <summary>Additional named KPS-ECOG maps defined in configuration (default none).</summary>
    public List<KpsEcogMapSettings> KpsEcogMaps { get; set; } = [];

    /// <summary>
    /// Primary-tumour codes treated as radiosensitive for NOMS; every other code is
    /// radioresistant. <c>null</c> (not configured) means the registry default
    /// <see cref="RadiosensitivityMap.RegistryDefault"/>: <c>lymphoma</c>, <c>myeloma</c>,
    /// <c>germ_cell</c>. A configured list replaces the default entirely, e.g. adding
    /// <c>breast</c> and <c>prostate</c>. (It is nullable because configuration binding appends
    /// to a pre-filled list instead of replacing it.)
    /// </summary>
    public List<string>? RadiosensitiveHistologies { get; set; }

    /// <summary>
    /// Points NESMS gives a modified Bauer score of 3 or more. Default
    /// <see cref="Prognosis.NesmsModifiedBauerRule.OnePoint"/> (NESMS 0-3); see
    /// <see cref="Prognosis.NesmsModifiedBauerRule"/> for why the sources disagree.
    /// </summary>
    public Prognosis.NesmsModifiedBauerRule NesmsModifiedBauerRule { get; set; } = Prognosis.NesmsModifiedBauerRule.OnePoint;

    /// <summary>Minimal clinically important differences per measure (see <see cref="McidSettings"/> for defaults and sources).</summary>
    public McidSettings Mcid { get; set; } = new();
}

/// <summary>A KPS-ECOG map defined in configuration.</summary>
public sealed class KpsEcogMapSettings
{
    /// <summary>Map name, referred to by <see cref="InstrumentSettings.KpsEcogMap"/>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Source of the map and the choices it makes.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>One band per ECOG grade 0-5.</summary>
    public List<KpsEcogBandSettings> Bands { get; set; } = [];
}

/// <summary>One band of a configured KPS-ECOG map.</summary>
public sealed class KpsEcogBandSettings
{
    /// <summary>The ECOG grade.</summary>
    public int Ecog { get; set; }

    /// <summary>Lowest KPS of the grade's range.</summary>
    public int KpsMinimum { get; set; }

    /// <summary>Highest KPS of the grade's range.</summary>
    public int KpsMaximum { get; set; }

    /// <summary>The KPS used when converting this ECOG grade to KPS.</summary>
    public int KpsForEcog { get; set; }
}
