using System.Globalization;

namespace SpineMetsRegistry.Domain.Instruments.Performance;

/// <summary>One row of a KPS-ECOG map: the KPS range that corresponds to an ECOG grade.</summary>
/// <param name="Ecog">The ECOG grade.</param>
/// <param name="KpsMinimum">Lowest KPS of the range (inclusive).</param>
/// <param name="KpsMaximum">Highest KPS of the range (inclusive).</param>
/// <param name="KpsForEcog">The single KPS used when converting this ECOG grade to KPS.</param>
public sealed record KpsEcogBand(int Ecog, int KpsMinimum, int KpsMaximum, int KpsForEcog);

/// <summary>
/// A named map between Karnofsky performance status and ECOG grade. There is no single formal
/// map: the registry makes the map a named choice (<c>InstrumentSettings.KpsEcogMap</c>) and
/// records its name with every conversion. Each ECOG grade covers a KPS range; the ranges cover
/// 0-100 exactly once. Converting ECOG to KPS needs one value per grade (<see cref="KpsEcogBand.KpsForEcog"/>).
/// </summary>
public sealed class KpsEcogMap
{
    private KpsEcogMap(string name, string description, IReadOnlyList<KpsEcogBand> bands)
    {
        Name = name;
        Description = description;
        Bands = bands;
    }

    /// <summary>Map name, recorded with every conversion.</summary>
    public string Name { get; }

    /// <summary>Where the map comes from and what choices it makes.</summary>
    public string Description { get; }

    /// <summary>One band per ECOG grade 0-5, in grade order.</summary>
    public IReadOnlyList<KpsEcogBand> Bands { get; }

    /// <summary>Creates a map, checking that it is complete and unambiguous.</summary>
    /// <param name="name">Map name.</param>
    /// <param name="description">Source and choices.</param>
    /// <param name="bands">One band per ECOG grade 0-5.</param>
    /// <returns>The map, or every problem found.</returns>
    public static LoadResult<KpsEcogMap> Create(string name, string description, IEnumerable<KpsEcogBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var errors = new List<LoadError>();
        var ordered = bands.OrderBy(b => b.Ecog).ToList();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new LoadError("name", "A KPS-ECOG map needs a name."));
        }

        if (!ordered.Select(b => b.Ecog).SequenceEqual(Enumerable.Range(0, 6)))
        {
            errors.Add(new LoadError("bands", "A KPS-ECOG map needs exactly one band for each ECOG grade 0-5."));
        }

        foreach (var band in ordered)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"bands[ecog={band.Ecog}]");
            var values = new[] { band.KpsMinimum, band.KpsMaximum, band.KpsForEcog };
            if (values.Any(v => !KarnofskyScore.Create(v).IsSuccess) || band.KpsMinimum > band.KpsMaximum)
            {
                errors.Add(new LoadError(path, "KPS bounds must be valid KPS values (0-100, step 10) with minimum <= maximum."));
            }
            else if (band.KpsForEcog < band.KpsMinimum || band.KpsForEcog > band.KpsMaximum)
            {
                errors.Add(new LoadError(path, "kpsForEcog must lie within the band's KPS range."));
            }
        }

        var covered = Enumerable.Range(0, 11).Select(i => i * 10)
            .Select(kps => (Kps: kps, Count: ordered.Count(b => kps >= b.KpsMinimum && kps <= b.KpsMaximum)))
            .Where(c => c.Count != 1)
            .ToList();
        if (covered.Count > 0)
        {
            errors.Add(new LoadError("bands", $"Every KPS value 0-100 must fall in exactly one band; not so for KPS {string.Join(", ", covered.Select(c => c.Kps))}."));
        }

        return errors.Count > 0 ? LoadResult.Failure<KpsEcogMap>(errors) : LoadResult.Success(new KpsEcogMap(name, description, ordered));
    }

    /// <summary>The ECOG grade of a KPS.</summary>
    /// <param name="kps">A KPS.</param>
    public EcogGrade ToEcog(KarnofskyScore kps) =>
        EcogGrade.Create(Bands.Single(b => kps.Value >= b.KpsMinimum && kps.Value <= b.KpsMaximum).Ecog).TryGetValue(out var grade)
            ? grade
            : throw new InvalidOperationException("A validated map produced an invalid ECOG grade.");

    /// <summary>The KPS this map assigns to an ECOG grade.</summary>
    /// <param name="ecog">An ECOG grade.</param>
    public KarnofskyScore ToKps(EcogGrade ecog) =>
        KarnofskyScore.Create(Bands[ecog.Value].KpsForEcog).TryGetValue(out var kps)
            ? kps
            : throw new InvalidOperationException("A validated map produced an invalid KPS.");
}
