using SpineMetsRegistry.Domain.Committee;
using SpineMetsRegistry.Domain.Instruments.Change;
using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Tests.Committee;

/// <summary>Random patients for the committee statistics tests (seeded, so every run sees the same cohort).</summary>
internal static class CohortFactory
{
    public static IReadOnlyList<OutcomeMeasure> Measures { get; } = OutcomeMeasure.Defaults(new McidSettings());

    private static readonly string[] Years = ["2023", "2024", "2025"];
    private static readonly string[] Groups = ["lung", "breast", "prostate", "kidney", "other"];
    private static readonly string[] Treatments = ["surgery", "radiotherapy", "sbrt"];

    public static List<PatientFacts> Patients(int seed, int count)
    {
        var random = new Random(seed);
        var patients = new List<PatientFacts>();
        for (var i = 0; i < count; i++)
        {
            var key = new CellKey(Years[random.Next(Years.Length)], Groups[Math.Min(random.Next(7), Groups.Length - 1)], Treatments[random.Next(Treatments.Length)]);
            var baseline = Values(random, 0.9);
            var visits = new Dictionary<string, VisitFacts>(StringComparer.Ordinal);
            var deathDay = random.NextDouble() < 0.5 ? random.Next(0, 500) : (int?)null;
            foreach (var (timePoint, day) in new[] { ("6w", 42), ("12w", 84), ("26w", 182), ("52w", 364) })
            {
                if (random.NextDouble() < 0.15)
                {
                    continue;
                }

                var status = deathDay < day ? "deceased" : random.NextDouble() < 0.03 ? "lost" : "alive";
                visits[timePoint] = new VisitFacts(status, status == "alive" ? Values(random, 0.85) : new Dictionary<string, decimal>());
            }

            var lastAlive = random.Next(1, 700);
            var survival = deathDay is { } d ? new SurvivalObservation(d, true) : random.NextDouble() < 0.05 ? (SurvivalObservation?)null : new SurvivalObservation(lastAlive, false);
            patients.Add(new PatientFacts(key, random.Next(4).ToString(System.Globalization.CultureInfo.InvariantCulture), survival, baseline, visits));
        }

        return patients;
    }

    private static Dictionary<string, decimal> Values(Random random, double presence)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (random.NextDouble() < presence)
        {
            values["nrs_pain"] = random.Next(0, 11);
        }

        if (random.NextDouble() < presence)
        {
            values["eq5d_index"] = Math.Round((decimal)random.Next(-100, 1001) / 1000m, 3);
        }

        if (random.NextDouble() < presence)
        {
            values["eq_vas"] = random.Next(0, 101);
        }

        if (random.NextDouble() < presence)
        {
            values["sosgoq_total"] = random.Next(0, 41) * 2.5m;
        }

        return values;
    }
}
