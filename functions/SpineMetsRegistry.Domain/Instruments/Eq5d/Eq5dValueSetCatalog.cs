using System.Reflection;

namespace SpineMetsRegistry.Domain.Instruments.Eq5d;

/// <summary>
/// The EQ-5D value sets the registry knows, looked up by version and name (case-insensitive).
/// <see cref="BuiltIn"/> holds the value sets shipped as embedded JSON resources
/// (<c>Instruments/Eq5d/ValueSets/*.json</c>): 3L <c>UK-TTO</c> and 5L <c>England</c>,
/// <c>USA</c>, <c>Netherlands</c>. More can be added from any stream with <see cref="With"/>.
/// </summary>
public sealed class Eq5dValueSetCatalog
{
    private const string ResourcePrefix = "SpineMetsRegistry.Domain.Instruments.Eq5d.ValueSets.";
    private static readonly Lazy<Eq5dValueSetCatalog> BuiltInCatalog = new(LoadBuiltIn);

    private Eq5dValueSetCatalog(IReadOnlyList<Eq5dValueSet> valueSets) => ValueSets = valueSets;

    /// <summary>The value sets shipped with the registry.</summary>
    public static Eq5dValueSetCatalog BuiltIn => BuiltInCatalog.Value;

    /// <summary>All value sets in the catalog.</summary>
    public IReadOnlyList<Eq5dValueSet> ValueSets { get; }

    /// <summary>Value-set names available for a version.</summary>
    /// <param name="version">The EQ-5D version.</param>
    public IReadOnlyList<string> NamesFor(Eq5dVersion version) =>
        ValueSets.Where(v => v.Version == version).Select(v => v.Name).ToList();

    /// <summary>Finds a value set by version and name (case-insensitive).</summary>
    /// <param name="version">The EQ-5D version.</param>
    /// <param name="name">The value-set name.</param>
    /// <param name="valueSet">The value set when found.</param>
    /// <returns>True when found.</returns>
    public bool TryGet(Eq5dVersion version, string? name, out Eq5dValueSet valueSet)
    {
        valueSet = ValueSets.FirstOrDefault(v => v.Version == version && string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return valueSet is not null;
    }

    /// <summary>A catalog with one more value set; refused when the version already has a set of that name.</summary>
    /// <param name="valueSet">The value set to add.</param>
    public LoadResult<Eq5dValueSetCatalog> With(Eq5dValueSet valueSet)
    {
        ArgumentNullException.ThrowIfNull(valueSet);
        return TryGet(valueSet.Version, valueSet.Name, out _)
            ? LoadResult.Failure<Eq5dValueSetCatalog>([new LoadError("$.name", $"The catalog already has a value set '{valueSet.Label}'.")])
            : LoadResult.Success(new Eq5dValueSetCatalog([.. ValueSets, valueSet]));
    }

    private static Eq5dValueSetCatalog LoadBuiltIn()
    {
        var assembly = typeof(Eq5dValueSetCatalog).Assembly;
        var catalog = new Eq5dValueSetCatalog([]);
        foreach (var resource in assembly.GetManifestResourceNames().Where(IsValueSet).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var loaded = Eq5dValueSetReader.Read(stream);
            // A shipped value set that does not load is a build defect, not user input.
            var valueSet = loaded.Value ?? throw new InvalidOperationException($"Embedded value set {resource} is invalid: {string.Join("; ", loaded.Errors)}");
            catalog = catalog.With(valueSet).Value ?? throw new InvalidOperationException($"Embedded value set {resource} duplicates another.");
        }

        return catalog;
    }

    private static bool IsValueSet(string resource) =>
        resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resource.EndsWith(".json", StringComparison.Ordinal);

    internal static IEnumerable<string> EmbeddedResourceNames(Assembly assembly) =>
        assembly.GetManifestResourceNames().Where(IsValueSet);
}
