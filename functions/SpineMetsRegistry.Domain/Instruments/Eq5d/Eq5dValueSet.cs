namespace SpineMetsRegistry.Domain.Instruments.Eq5d;

/// <summary>How a value-set term beyond the main effects applies to a health state.</summary>
public enum Eq5dTermKind
{
    /// <summary>Subtracted once when at least one dimension is at one of the term's levels (JSON <c>anyDimensionAtLevels</c>), e.g. the 3L UK constant and N3.</summary>
    AnyDimensionAtLevels,

    /// <summary>Subtracted once for every dimension at one of the term's levels (JSON <c>perDimensionAtLevels</c>).</summary>
    PerDimensionAtLevels,
}

/// <summary>A value-set term beyond the per-dimension decrements (a constant, N3 and the like).</summary>
/// <param name="Name">Term name as in the source (e.g. <c>constant</c>, <c>N3</c>).</param>
/// <param name="Kind">How the term applies.</param>
/// <param name="Levels">The dimension levels that trigger it.</param>
/// <param name="Decrement">The amount subtracted from 1 each time it applies.</param>
/// <param name="Description">Optional explanation.</param>
public sealed record Eq5dValueSetTerm(string Name, Eq5dTermKind Kind, IReadOnlyList<int> Levels, decimal Decrement, string? Description)
{
    internal decimal DecrementFor(Eq5dHealthState state)
    {
        // Counted from the state's code directly: this runs for every scored row.
        var count = 0;
        foreach (var digit in state.Code)
        {
            count += Levels.Contains(digit - '0') ? 1 : 0;
        }

        return Kind switch
        {
            Eq5dTermKind.AnyDimensionAtLevels => count > 0 ? Decrement : 0m,
            Eq5dTermKind.PerDimensionAtLevels => Decrement * count,
            _ => throw new InvalidOperationException($"Unknown term kind {Kind}."),
        };
    }
}

/// <summary>
/// An EQ-5D value set: the decrements that turn a health state into an index, as data loaded
/// from JSON (see <see cref="Eq5dValueSetReader"/>). Index = 1 - sum of the decrement of each
/// dimension at its level - every applicable term; rounded to 3 decimals, half away from zero,
/// after summing, in decimal arithmetic so no binary floating-point error reaches the result.
/// </summary>
public sealed class Eq5dValueSet
{
    private readonly IReadOnlyDictionary<Eq5dDimension, IReadOnlyList<decimal>> decrements;

    internal Eq5dValueSet(
        string name,
        Eq5dVersion version,
        string citation,
        string doi,
        IReadOnlyDictionary<Eq5dDimension, IReadOnlyList<decimal>> decrements,
        IReadOnlyList<Eq5dValueSetTerm> terms)
    {
        Name = name;
        Version = version;
        Citation = citation;
        Doi = doi;
        this.decrements = decrements;
        Terms = terms;

        // Recorded with every scored index: built once, not per row.
        Label = $"{Name}/{Eq5dCodes.Version.ToCode(Version)}";
    }

    /// <summary>Decimal places of a reported index.</summary>
    public const int IndexDecimals = 3;

    /// <summary>Value-set name, unique per version (e.g. <c>England</c>, <c>UK-TTO</c>).</summary>
    public string Name { get; }

    /// <summary>The EQ-5D version the value set applies to.</summary>
    public Eq5dVersion Version { get; }

    /// <summary>The source publication.</summary>
    public string Citation { get; }

    /// <summary>DOI of the source publication.</summary>
    public string Doi { get; }

    /// <summary>Terms beyond the main effects (empty for a main-effects-only value set).</summary>
    public IReadOnlyList<Eq5dValueSetTerm> Terms { get; }

    /// <summary><c>Name/Version</c>, e.g. <c>USA/5L</c>: the definition version recorded with every index.</summary>
    public string Label { get; }

    /// <summary>The decrement of a dimension at a level (0 at level 1).</summary>
    /// <param name="dimension">The dimension.</param>
    /// <param name="level">The level, 1 to the version's level count.</param>
    public decimal Decrement(Eq5dDimension dimension, int level) => decrements[dimension][level - 1];

    /// <summary>The index of a state of this value set's version, rounded to 3 decimals half away from zero.</summary>
    /// <param name="state">A state of the same version.</param>
    internal decimal Index(Eq5dHealthState state)
    {
        // Summed in the same order as ever (dimensions, then terms), in plain loops: this runs
        // for every scored row.
        var dimensions = 0m;
        var all = Eq5dCodes.Dimensions;
        for (var i = 0; i < all.Count; i++)
        {
            dimensions += Decrement(all[i], state.LevelOf(all[i]));
        }

        var terms = 0m;
        for (var i = 0; i < Terms.Count; i++)
        {
            terms += Terms[i].DecrementFor(state);
        }

        var sum = dimensions + terms;
        return DecimalRounding.HalfAwayFromZero(1m - sum, IndexDecimals);
    }
}
