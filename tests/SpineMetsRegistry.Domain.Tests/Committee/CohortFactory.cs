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

        // The clinical categories draw from their own generator, so the rest of the cohort stays as it was.
        var clinical = new Random(seed ^ 0x5A5A);
        return patients.Select(p => p with { Clinical = Clinical(clinical, p) }).ToList();
    }

    private static readonly string[] GradeChanges = ["improved", "unchanged", "worse"];
    private static readonly string[] Ambulation = ["independent", "assisted", "non_ambulatory"];
    private static readonly string[] Saves = ["none", "I", "II", "III", "IV"];
    private static readonly string[] QalyResults = ["with_qaly", "missing_baseline", "missing_visit", "incomplete_follow_up"];

    private static ClinicalFacts Clinical(Random random, PatientFacts patient)
    {
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        var qalys = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var scale in new[] { "neuro.asia", "neuro.frankel" })
        {
            if (random.NextDouble() < 0.6)
            {
                categories[scale] = GradeChanges[Math.Min(random.Next(5), 2)];
            }
        }

        if (random.NextDouble() < 0.9)
        {
            categories["ambulatory.baseline"] = Ambulation[random.Next(3)];
        }

        foreach (var (timePoint, visit) in patient.Visits)
        {
            if (visit.VitalStatus == "alive" && random.NextDouble() < 0.8)
            {
                categories["ambulatory." + timePoint] = Ambulation[random.Next(3)];
            }
        }

        if (random.NextDouble() < 0.7)
        {
            categories["saves.worst"] = Saves[Math.Min(random.Next(8), 4)];
        }

        var completeCase = QalyResults[Math.Min(random.Next(6), 3)];
        categories["qaly.complete_case"] = completeCase;
        categories["qaly.locf"] = completeCase == "missing_visit" ? "with_qaly" : completeCase;
        var qaly = Math.Round((decimal)random.NextDouble(), 4);
        if (completeCase == "with_qaly")
        {
            qalys["complete_case"] = qaly;
        }

        if (categories["qaly.locf"] == "with_qaly")
        {
            qalys["locf"] = qaly;
        }

        return new ClinicalFacts(categories, qalys);
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
