using SpineMetsRegistry.Domain.Instruments.Bilsky;
using SpineMetsRegistry.Domain.Instruments.Change;
using SpineMetsRegistry.Domain.Instruments.Disease;
using SpineMetsRegistry.Domain.Instruments.Eq5d;
using SpineMetsRegistry.Domain.Instruments.Performance;
using SpineMetsRegistry.Domain.Instruments.Prognosis;

namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>The instrument settings in force, every name resolved to the object it names.</summary>
public sealed class ResolvedInstrumentSettings
{
    internal ResolvedInstrumentSettings(
        Eq5dValueSet eq5d3L,
        Eq5dValueSet eq5d5L,
        BilskyGrade1cPolicy bilskyGrade1cPolicy,
        NesmsModifiedBauerRule nesmsModifiedBauerRule,
        KpsEcogMap kpsEcogMap,
        RadiosensitivityMap radiosensitivity,
        McidSettings mcid)
    {
        Eq5d3LValueSet = eq5d3L;
        Eq5d5LValueSet = eq5d5L;
        BilskyGrade1cPolicy = bilskyGrade1cPolicy;
        NesmsModifiedBauerRule = nesmsModifiedBauerRule;
        KpsEcogMap = kpsEcogMap;
        Radiosensitivity = radiosensitivity;
        Mcid = mcid;
    }

    /// <summary>The EQ-5D-3L value set in force.</summary>
    public Eq5dValueSet Eq5d3LValueSet { get; }

    /// <summary>The EQ-5D-5L value set in force.</summary>
    public Eq5dValueSet Eq5d5LValueSet { get; }

    /// <summary>The Bilsky 1c policy in force.</summary>
    public BilskyGrade1cPolicy BilskyGrade1cPolicy { get; }

    /// <summary>The NESMS modified Bauer rule in force.</summary>
    public NesmsModifiedBauerRule NesmsModifiedBauerRule { get; }

    /// <summary>The KPS-ECOG map in force.</summary>
    public KpsEcogMap KpsEcogMap { get; }

    /// <summary>The radiosensitivity map in force.</summary>
    public RadiosensitivityMap Radiosensitivity { get; }

    /// <summary>The MCIDs in force (a copy of the settings).</summary>
    public McidSettings Mcid { get; }

    /// <summary>The value set in force for a version.</summary>
    /// <param name="version">The EQ-5D version.</param>
    public Eq5dValueSet ValueSetFor(Eq5dVersion version) => version == Eq5dVersion.ThreeLevel ? Eq5d3LValueSet : Eq5d5LValueSet;
}

/// <summary>
/// Checks <see cref="InstrumentSettings"/> and resolves every name in it (value sets, KPS-ECOG
/// map, histology codes), reporting all problems at once with the setting's name as the path.
/// </summary>
public static class InstrumentSettingsResolver
{
    /// <summary>Resolves settings against a value-set catalog.</summary>
    /// <param name="settings">The settings (e.g. bound from configuration).</param>
    /// <param name="catalog">The EQ-5D value sets available.</param>
    /// <returns>The resolved settings, or every problem found.</returns>
    public static LoadResult<ResolvedInstrumentSettings> Resolve(InstrumentSettings settings, Eq5dValueSetCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<LoadError>();
        var eq5d3L = ValueSet(catalog, Eq5dVersion.ThreeLevel, settings.Eq5d3LValueSet, nameof(settings.Eq5d3LValueSet), errors);
        var eq5d5L = ValueSet(catalog, Eq5dVersion.FiveLevel, settings.Eq5d5LValueSet, nameof(settings.Eq5d5LValueSet), errors);
        if (!Enum.IsDefined(settings.BilskyGrade1cPolicy))
        {
            errors.Add(new LoadError(nameof(settings.BilskyGrade1cPolicy), "Expected LowGrade or HighGrade."));
        }

        if (!Enum.IsDefined(settings.NesmsModifiedBauerRule))
        {
            errors.Add(new LoadError(nameof(settings.NesmsModifiedBauerRule), "Expected OnePoint or TwoPoints."));
        }

        var map = KpsEcogMap(settings, errors);
        var radiosensitivity = Radiosensitivity(settings, errors);
        var mcid = settings.Mcid ?? new McidSettings();
        foreach (var measure in Enum.GetValues<ChangeMeasure>().Where(m => mcid.For(m) <= 0))
        {
            errors.Add(new LoadError($"{nameof(settings.Mcid)}.{measure}", "An MCID must be greater than 0."));
        }

        if (errors.Count > 0 || eq5d3L is null || eq5d5L is null || map is null || radiosensitivity is null)
        {
            return LoadResult.Failure<ResolvedInstrumentSettings>(errors);
        }

        var mcidCopy = new McidSettings { SosgoqTotal = mcid.SosgoqTotal, Eq5dIndex = mcid.Eq5dIndex, NrsPain = mcid.NrsPain };
        return LoadResult.Success(new ResolvedInstrumentSettings(eq5d3L, eq5d5L, settings.BilskyGrade1cPolicy, settings.NesmsModifiedBauerRule, map, radiosensitivity, mcidCopy));
    }

    private static Eq5dValueSet? ValueSet(Eq5dValueSetCatalog catalog, Eq5dVersion version, string? name, string setting, List<LoadError> errors)
    {
        if (catalog.TryGet(version, name, out var valueSet))
        {
            return valueSet;
        }

        errors.Add(new LoadError(setting, $"No EQ-5D-{Eq5dCodes.Version.ToCode(version)} value set '{name}'; available: {string.Join(", ", catalog.NamesFor(version))}."));
        return null;
    }

    private static KpsEcogMap? KpsEcogMap(InstrumentSettings settings, List<LoadError> errors)
    {
        var maps = KpsEcogMaps.BuiltIn.ToList();
        var configured = settings.KpsEcogMaps ?? [];
        for (var i = 0; i < configured.Count; i++)
        {
            var path = $"{nameof(settings.KpsEcogMaps)}[{i}]";
            var definition = configured[i];
            var created = Performance.KpsEcogMap.Create(
                definition.Name,
                definition.Description,
                (definition.Bands ?? []).Select(b => new KpsEcogBand(b.Ecog, b.KpsMinimum, b.KpsMaximum, b.KpsForEcog)));
            if (created.Value is not { } map)
            {
                errors.AddRange(created.Errors.Select(e => e with { Path = $"{path}.{e.Path}" }));
            }
            else if (maps.Any(m => string.Equals(m.Name, map.Name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new LoadError($"{path}.Name", $"A KPS-ECOG map named '{map.Name}' already exists."));
            }
            else
            {
                maps.Add(map);
            }
        }

        var selected = maps.FirstOrDefault(m => string.Equals(m.Name, settings.KpsEcogMap, StringComparison.OrdinalIgnoreCase));
        if (selected is null)
        {
            errors.Add(new LoadError(nameof(settings.KpsEcogMap), $"No KPS-ECOG map '{settings.KpsEcogMap}'; available: {string.Join(", ", maps.Select(m => m.Name))}."));
        }

        return selected;
    }

    private static RadiosensitivityMap? Radiosensitivity(InstrumentSettings settings, List<LoadError> errors)
    {
        if (settings.RadiosensitiveHistologies is null)
        {
            return RadiosensitivityMap.RegistryDefault;
        }

        var primaries = new List<PrimaryTumour>();
        var valid = true;
        foreach (var code in settings.RadiosensitiveHistologies)
        {
            var parsed = DiseaseCodes.PrimaryTumour.Parse(code);
            if (parsed.TryGetValue(out var primary))
            {
                primaries.Add(primary);
            }
            else
            {
                errors.Add(new LoadError(nameof(settings.RadiosensitiveHistologies), parsed.Error!.Message));
                valid = false;
            }
        }

        return valid ? new RadiosensitivityMap(RadiosensitivityMap.ConfiguredName, primaries) : null;
    }
}
