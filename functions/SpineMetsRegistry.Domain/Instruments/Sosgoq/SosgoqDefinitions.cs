namespace SpineMetsRegistry.Domain.Instruments.Sosgoq;

/// <summary>
/// The SOSGOQ definitions shipped with the registry as embedded JSON
/// (<c>Instruments/Sosgoq/Definitions/*.json</c>). Every stored score records the definition
/// version it was computed with, so changing the default re-scores nothing: records scored
/// under an earlier version keep that version's scores until they are deliberately re-scored,
/// and changes from baseline are only computed between scores of the same version
/// (see <c>ChangeCalculator</c>). The instrument's README lists what remains unverified.
/// </summary>
public static class SosgoqDefinitions
{
    /// <summary>Version of the first registry default.</summary>
    public const string RegistryDefault1Version = "registry-default-1";

    /// <summary>Version of the current registry default.</summary>
    public const string RegistryDefault2Version = "registry-default-2";

    private const string ResourcePrefix = "SpineMetsRegistry.Domain.Instruments.Sosgoq.Definitions.sosgoq-2.0-";
    private static readonly Lazy<SosgoqDefinition> Version1 = new(() => Load(RegistryDefault1Version));
    private static readonly Lazy<SosgoqDefinition> Version2 = new(() => Load(RegistryDefault2Version));

    /// <summary>
    /// The registry default SOSGOQ 2.0 definition used to score new records:
    /// <see cref="RegistryDefault2"/>.
    /// </summary>
    public static SosgoqDefinition RegistryDefault => RegistryDefault2;

    /// <summary>
    /// <c>registry-default-1</c>, kept selectable: the registry's own map, NOT the official SOSGOQ
    /// 2.0 map, which could not be verified from a public source (Versteeg AL et al., Cancer
    /// 2018;124(8):1828-38 describes the four domains and four single items). Items 01-05
    /// physical function, 06-09 the neurological single items (legs, arms, bowel, bladder),
    /// 10-13 pain, 14-17 mental health, 18-20 social function; no item reversed; level 1 = best
    /// health = 100, level 5 = 0; a domain needs at least half its items, the total at least 15
    /// of 20 (75%).
    /// </summary>
    public static SosgoqDefinition RegistryDefault1 => Version1.Value;

    /// <summary>
    /// <c>registry-default-2</c>, the default: <see cref="RegistryDefault1"/> with item 20 taken out
    /// of the social function domain (reported on its own, still in the total), as the Dutch
    /// SOSGOQ 2.0 validation (2022) found the domain inconsistent with it. Social function is
    /// then items 18-19, scored with at least one answered.
    /// </summary>
    public static SosgoqDefinition RegistryDefault2 => Version2.Value;

    /// <summary>The shipped definitions, oldest first.</summary>
    public static IReadOnlyList<SosgoqDefinition> All => [RegistryDefault1, RegistryDefault2];

    /// <summary>A shipped definition by version, or null when the registry ships none with that version.</summary>
    /// <param name="definitionVersion">E.g. <c>registry-default-1</c>.</param>
    public static SosgoqDefinition? Find(string definitionVersion) =>
        All.FirstOrDefault(d => string.Equals(d.DefinitionVersion, definitionVersion, StringComparison.Ordinal));

    private static SosgoqDefinition Load(string version)
    {
        var resource = $"{ResourcePrefix}{version}.json";
        using var stream = typeof(SosgoqDefinitions).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        var loaded = SosgoqDefinitionReader.Read(stream);
        // A shipped definition that does not load is a build defect, not user input.
        return loaded.Value ?? throw new InvalidOperationException($"Embedded SOSGOQ definition is invalid: {string.Join("; ", loaded.Errors)}");
    }
}
