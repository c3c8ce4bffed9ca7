namespace SpineMetsRegistry.Domain.Instruments.Performance;

/// <summary>The KPS-ECOG maps shipped with the registry.</summary>
public static class KpsEcogMaps
{
    /// <summary>Name of <see cref="Conventional"/>.</summary>
    public const string ConventionalName = "conventional";

    /// <summary>
    /// The common conversion table: ECOG 0 = KPS 90-100, 1 = 70-80, 2 = 50-60, 3 = 30-40,
    /// 4 = 10-20, 5 = 0. It is a convention, not a validated equivalence (empirical
    /// alternatives exist, e.g. Ma et al.; Prasad et al. 2018). Registry choice for ECOG to KPS:
    /// the lower end of the range (ECOG 1 becomes KPS 70), so a converted KPS never credits
    /// more performance than the ECOG grade guarantees.
    /// </summary>
    public static KpsEcogMap Conventional { get; } = KpsEcogMap.Create(
            ConventionalName,
            "Common table ECOG 0 = KPS 90-100, 1 = 70-80, 2 = 50-60, 3 = 30-40, 4 = 10-20, 5 = 0; ECOG to KPS uses the lower end of each range (registry choice).",
            [
                new KpsEcogBand(0, 90, 100, 90),
                new KpsEcogBand(1, 70, 80, 70),
                new KpsEcogBand(2, 50, 60, 50),
                new KpsEcogBand(3, 30, 40, 30),
                new KpsEcogBand(4, 10, 20, 10),
                new KpsEcogBand(5, 0, 0, 0),
            ]).Value ?? throw new InvalidOperationException("The conventional KPS-ECOG map is invalid.");

    /// <summary>All built-in maps.</summary>
    public static IReadOnlyList<KpsEcogMap> BuiltIn { get; } = [Conventional];
}
