namespace SpineMetsRegistry.Domain.Instruments.Sosgoq;

/// <summary>
/// The SOSGOQ definitions shipped with the registry as embedded JSON
/// (<c>Instruments/Sosgoq/Definitions/*.json</c>).
/// </summary>
public static class SosgoqDefinitions
{
    private const string RegistryDefaultResource = "SpineMetsRegistry.Domain.Instruments.Sosgoq.Definitions.sosgoq-2.0-registry-default.json";
    private static readonly Lazy<SosgoqDefinition> RegistryDefaultDefinition = new(LoadRegistryDefault);

    /// <summary>
    /// The registry default SOSGOQ 2.0 definition (<c>registry-default-1</c>). Its item-to-domain
    /// map is the registry's own, NOT the official SOSGOQ 2.0 map, which the registry could not
    /// verify from a public source (Versteeg AL et al., Cancer 2018;124(8):1828-38 describes the
    /// four domains and four single items). Items 01-05 physical function, 06-09 the
    /// neurological single items (legs, arms, bowel, bladder), 10-13 pain, 14-17 mental health,
    /// 18-20 social function; no item reversed; level 1 = best health = 100, level 5 = 0;
    /// a domain needs at least half its items, the total at least 15 of 20 (75%).
    /// </summary>
    public static SosgoqDefinition RegistryDefault => RegistryDefaultDefinition.Value;

    private static SosgoqDefinition LoadRegistryDefault()
    {
        using var stream = typeof(SosgoqDefinitions).Assembly.GetManifestResourceStream(RegistryDefaultResource)
            ?? throw new InvalidOperationException($"Embedded resource {RegistryDefaultResource} is missing.");
        var loaded = SosgoqDefinitionReader.Read(stream);
        // A shipped definition that does not load is a build defect, not user input.
        return loaded.Value ?? throw new InvalidOperationException($"Embedded SOSGOQ definition is invalid: {string.Join("; ", loaded.Errors)}");
    }
}
