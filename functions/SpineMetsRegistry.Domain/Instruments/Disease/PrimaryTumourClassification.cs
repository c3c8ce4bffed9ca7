namespace SpineMetsRegistry.Domain.Instruments.Disease;

/// <summary>Whether a primary-tumour mapping is stated in the source paper or decided by the registry.</summary>
public enum MappingBasis
{
    /// <summary>The paper names this primary in this category.</summary>
    Paper,

    /// <summary>The paper does not name this primary; the registry assigned it (see the entry's note).</summary>
    RegistryDecision,
}

/// <summary>One row of a primary-tumour classification table.</summary>
/// <typeparam name="TCategory">The instrument's primary-tumour category.</typeparam>
/// <param name="Primary">The registry primary-tumour code.</param>
/// <param name="Category">The instrument category it maps to.</param>
/// <param name="Basis">Whether the paper or the registry made this assignment.</param>
/// <param name="Note">Why, when the registry decided.</param>
public sealed record PrimaryTumourMapping<TCategory>(PrimaryTumour Primary, TCategory Category, MappingBasis Basis, string? Note = null)
    where TCategory : struct, Enum;

/// <summary>
/// A named, versioned table mapping every registry primary-tumour code to exactly one category
/// of a prognostic instrument. Stored scores record the table name and version, so a change to
/// the table is a new version, never a silent re-scoring.
/// </summary>
/// <typeparam name="TCategory">The instrument's primary-tumour category.</typeparam>
public sealed class PrimaryTumourClassification<TCategory>
    where TCategory : struct, Enum
{
    private readonly Dictionary<PrimaryTumour, PrimaryTumourMapping<TCategory>> byPrimary;

    internal PrimaryTumourClassification(string name, string version, string source, params PrimaryTumourMapping<TCategory>[] entries)
    {
        Name = name;
        Version = version;
        Source = source;
        Entries = entries;
        byPrimary = entries.ToDictionary(e => e.Primary);

        // Recorded with every score that uses the table: built once, not per row.
        Label = $"{Name}@{Version}";
        if (byPrimary.Count != Enum.GetValues<PrimaryTumour>().Length)
        {
            throw new InvalidOperationException($"Primary tumour table '{name}' must map every primary tumour code exactly once.");
        }
    }

    /// <summary>Table name, recorded with every score that used it.</summary>
    public string Name { get; }

    /// <summary>Table version, recorded with every score that used it.</summary>
    public string Version { get; }

    /// <summary>The paper the categories come from.</summary>
    public string Source { get; }

    /// <summary>The rows, in primary-tumour code order.</summary>
    public IReadOnlyList<PrimaryTumourMapping<TCategory>> Entries { get; }

    /// <summary><c>name@version</c>, the form recorded in score rules.</summary>
    public string Label { get; }

    /// <summary>The category of a primary tumour.</summary>
    /// <param name="primary">A registry primary tumour.</param>
    public TCategory CategoryOf(PrimaryTumour primary) => byPrimary[primary].Category;
}
