namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>One band of a total score: an inclusive range and what it means.</summary>
/// <typeparam name="TBand">The band meaning.</typeparam>
/// <param name="Minimum">Lowest total in the band (inclusive).</param>
/// <param name="Maximum">Highest total in the band (inclusive).</param>
/// <param name="Band">The band.</param>
public sealed record ScoreBand<TBand>(int Minimum, int Maximum, TBand Band)
    where TBand : struct, Enum
{
    /// <summary>Whether the total lies in this band.</summary>
    /// <param name="total">A total score.</param>
    public bool Contains(int total) => total >= Minimum && total <= Maximum;
}

/// <summary>
/// The published bands of a total score, kept as data so that tests can check the bands
/// cover the instrument's range exactly once.
/// </summary>
/// <typeparam name="TBand">The band meaning.</typeparam>
public sealed class ScoreBandTable<TBand>
    where TBand : struct, Enum
{
    internal ScoreBandTable(int minimumTotal, int maximumTotal, params ScoreBand<TBand>[] bands)
    {
        MinimumTotal = minimumTotal;
        MaximumTotal = maximumTotal;
        Bands = bands;
    }

    /// <summary>Lowest total the instrument can produce.</summary>
    public int MinimumTotal { get; }

    /// <summary>Highest total the instrument can produce.</summary>
    public int MaximumTotal { get; }

    /// <summary>The bands in ascending order.</summary>
    public IReadOnlyList<ScoreBand<TBand>> Bands { get; }

    /// <summary>Every band containing the total (exactly one for a total in range).</summary>
    /// <param name="total">A total score.</param>
    public IReadOnlyList<ScoreBand<TBand>> BandsContaining(int total) => Bands.Where(b => b.Contains(total)).ToList();

    /// <summary>The band of a total within <see cref="MinimumTotal"/>..<see cref="MaximumTotal"/>.</summary>
    /// <param name="total">A total score in range.</param>
    internal TBand BandOf(int total) => Bands.Single(b => b.Contains(total)).Band;
}
