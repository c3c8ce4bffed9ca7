using System.Globalization;

namespace SpineMetsRegistry.Synthetic;

/// <summary>How to generate a synthetic cohort for one site.</summary>
public sealed record SyntheticCohortOptions
{
    /// <summary>The site code, e.g. "S01"; study IDs are "S01-0001", ...</summary>
    public required string SiteCode { get; init; }

    /// <summary>How many patients to enroll.</summary>
    public int Patients { get; init; } = 60;

    /// <summary>Nothing is dated after this day (visits not yet due are not generated).</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Seed: the same options always give the same cohort.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The number of the first study ID.</summary>
    public int FirstStudyNumber { get; init; } = 1;

    /// <summary>Digits in the study ID number (4 fits the default site patterns).</summary>
    public int StudyNumberDigits { get; init; } = 4;

    /// <summary>Index treatments are spread over this many months before <see cref="AsOf"/>.</summary>
    public int EnrollmentMonths { get; init; } = 18;

    /// <summary>EQ-5D version the site collects ("5L" or "3L").</summary>
    public string Eq5dVersion { get; init; } = "5L";

    /// <summary>Fraction of rows given one deliberate validation error (for demos of the report).</summary>
    public double DataErrorRate { get; init; }
}

/// <summary>One generated row: field code to cell text, in dictionary order of insertion.</summary>
public sealed class SyntheticRow : Dictionary<string, string>
{
    /// <summary>Creates an empty row.</summary>
    public SyntheticRow()
        : base(StringComparer.Ordinal)
    {
    }
}

/// <summary>
/// Generates realistic synthetic enrollments and follow-up visits for one site: primary
/// tumour mix, instability, neurology and patient-reported outcomes drawn from plausible
/// distributions for spinal metastases; survival depending on histology and performance
/// status; attrition, missed visits, visits outside their windows. Entirely invented: no
/// real patient is represented. Streams patient by patient, so a million-row batch never
/// sits in memory.
/// </summary>
public static class SyntheticCohortGenerator
{
    private static readonly (string Code, double Weight, double MedianSurvivalMonths)[] Primaries =
    [
        ("lung", 22, 5), ("breast", 17, 24), ("prostate", 14, 20), ("kidney", 9, 14), ("myeloma", 6, 30),
        ("colon", 3, 9), ("rectum", 2, 9), ("thyroid", 2, 36), ("melanoma", 3, 6), ("lymphoma", 3, 24),
        ("liver", 2, 4), ("bladder", 2, 6), ("unknown", 4, 4), ("stomach", 1, 4), ("oesophagus", 1.5, 5),
        ("uterus", 1, 10), ("sarcoma", 2, 12), ("pancreas", 1, 3), ("head_neck", 1, 8), ("cervix", 0.5, 8),
        ("ovary", 0.5, 10), ("carcinoid", 0.5, 30), ("germ_cell", 0.3, 36), ("gallbladder", 0.3, 4), ("other", 0.9, 8),
    ];

    private static readonly (string Code, int TargetDay, int Window)[] TimePoints =
    [
        ("6w", 42, 14), ("12w", 84, 21), ("26w", 182, 28), ("52w", 364, 42),
    ];

    private static readonly string[] Levels =
        ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5", "S1", "S2"];

    private static readonly double[] LevelWeights =
        [1, 1.5, 1.5, 1.5, 1.5, 1.5, 2, 2, 3, 4, 5, 6, 6, 6, 7, 7, 7, 8, 8, 7, 6, 5, 5, 4, 3, 1];

    /// <summary>Generates the rows of a cohort: per patient the enrollment, then its follow-ups.</summary>
    public static IEnumerable<SyntheticRow> Generate(SyntheticCohortOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        for (var i = 0; i < options.Patients; i++)
        {
            var studyId = options.SiteCode + "-" + (options.FirstStudyNumber + i).ToString("D" + options.StudyNumberDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            foreach (var row in Patient(random, options, studyId))
            {
                if (options.DataErrorRate > 0 && random.NextDouble() < options.DataErrorRate)
                {
                    InjectError(random, row);
                }

                yield return row;
            }
        }
    }

    private static IEnumerable<SyntheticRow> Patient(Random random, SyntheticCohortOptions options, string studyId)
    {
        var primary = Pick(random, Primaries, p => p.Weight);
        var sex = primary.Code switch
        {
            "breast" or "uterus" or "cervix" or "ovary" => "female",
            "prostate" or "germ_cell" => "male",
            _ => random.NextDouble() < 0.58 ? "male" : "female",
        };
        var age = (int)Math.Round(Normal(random, 64, 11));
        var ecog = Math.Clamp((int)Math.Round(Normal(random, 1.6, 1.0)), 0, 4);
        var enrollmentDays = Math.Max(1, options.EnrollmentMonths * 30);
        var indexDate = options.AsOf.AddDays(-random.Next(7, enrollmentDays));
        var treatment = Pick(random, [("surgery", 35.0), ("radiotherapy", 35.0), ("sbrt", 15.0), ("combined", 15.0)], t => t.Item2).Item1;
        var spinal = Math.Clamp((int)Math.Round(Math.Exp(Normal(random, 0.7, 0.8))), 1, 20);
        var extraspinal = Math.Clamp((int)Math.Round(Math.Exp(Normal(random, 0.4, 1.0))) - 1, 0, 30);
        var indexLevel = Pick(random, Levels.Zip(LevelWeights).ToArray(), l => l.Second).First;
        var asia = Pick(random, [("E", 55.0), ("D", 30.0), ("C", 10.0), ("B", 3.0), ("A", 2.0)], a => a.Item2).Item1;
        var pain = Math.Clamp((int)Math.Round(Normal(random, 6.5, 2.0)), 0, 10);
        var severity = (pain / 10.0 * 0.6) + (ecog / 4.0 * 0.4);

        var enrollment = new SyntheticRow
        {
            ["record_type"] = "enrollment",
            ["study_id"] = studyId,
            ["age_at_index"] = age > 89 ? "90+" : Math.Max(age, 18).ToString(CultureInfo.InvariantCulture),
            ["sex"] = sex,
            ["index_date"] = Iso(indexDate),
            ["index_treatment"] = treatment,
            ["primary_tumour"] = primary.Code,
            ["index_level"] = indexLevel,
            ["lesion_levels"] = indexLevel,
            ["spinal_mets_count"] = spinal.ToString(CultureInfo.InvariantCulture),
            ["extraspinal_mets_count"] = extraspinal.ToString(CultureInfo.InvariantCulture),
            ["visceral_mets"] = Pick(random, [("none", 45.0), ("removable", 15.0), ("unremovable", 40.0)], v => v.Item2).Item1,
            ["sins_pain"] = Pick(random, [("mechanical", 45.0), ("occasional", 40.0), ("none", 15.0)], v => v.Item2).Item1,
            ["sins_bone_lesion"] = Pick(random, [("lytic", 55.0), ("mixed", 30.0), ("blastic", 15.0)], v => v.Item2).Item1,
            ["sins_alignment"] = Pick(random, [("normal", 75.0), ("deformity", 18.0), ("subluxation", 7.0)], v => v.Item2).Item1,
            ["sins_collapse"] = Pick(random, [("none", 30.0), ("no_collapse_over_50_involved", 25.0), ("under_50", 30.0), ("over_50", 15.0)], v => v.Item2).Item1,
            ["sins_posterolateral"] = Pick(random, [("none", 45.0), ("unilateral", 35.0), ("bilateral", 20.0)], v => v.Item2).Item1,
            ["bilsky_grade"] = Pick(random, [("0", 20.0), ("1a", 20.0), ("1b", 20.0), ("1c", 15.0), ("2", 15.0), ("3", 10.0)], v => v.Item2).Item1,
            ["ecog"] = ecog.ToString(CultureInfo.InvariantCulture),
            ["kps"] = (100 - (ecog * 20) - (random.NextDouble() < 0.5 ? 10 : 0)).ToString(CultureInfo.InvariantCulture),
            ["asia_grade"] = asia,
            ["frankel_grade"] = asia,
            ["ambulatory_status"] = asia is "E" or "D" ? (ecog >= 3 ? "assisted" : "independent") : "non_ambulatory",
            ["albumin_g_l"] = Math.Round(Normal(random, 36, 5), 1).ToString("0.0", CultureInfo.InvariantCulture),
            ["nrs_pain"] = pain.ToString(CultureInfo.InvariantCulture),
        };
        if (treatment is "surgery" or "combined")
        {
            enrollment["surgery_type"] = Pick(random, [("decompression_stabilisation", 50.0), ("stabilisation", 20.0), ("separation_surgery", 15.0), ("decompression", 10.0), ("vertebral_augmentation", 5.0)], v => v.Item2).Item1;
        }

        if (treatment is "radiotherapy" or "combined" or "sbrt")
        {
            var (dose, fractions) = treatment == "sbrt" ? (24m, 2) : Pick(random, [((8m, 1), 40.0), ((20m, 5), 40.0), ((30m, 10), 20.0)], r => r.Item2).Item1;
            enrollment["rt_dose_gy"] = dose.ToString(CultureInfo.InvariantCulture);
            enrollment["rt_fractions"] = fractions.ToString(CultureInfo.InvariantCulture);
        }

        if (primary.Code == "other")
        {
            enrollment["primary_other_text"] = Pick(random, [("adrenal carcinoma", 1.0), ("thymoma", 1.0), ("mesothelioma", 1.0)], v => v.Item2).Item1;
        }

        AddProms(random, enrollment, options.Eq5dVersion, severity);
        yield return enrollment;

        var medianDays = primary.MedianSurvivalMonths * 30.4 * (1.4 - (ecog * 0.2));
        var deathDay = (int)Math.Round(-Math.Log(1 - random.NextDouble()) * medianDays / Math.Log(2));
        foreach (var (code, targetDay, window) in TimePoints)
        {
            var offset = random.NextDouble() < 0.05
                ? (random.NextDouble() < 0.5 ? -1 : 1) * (window + random.Next(1, 10))
                : (int)Math.Round(Math.Clamp(Normal(random, 0, window / 3.0), -window, window));
            var visitDay = Math.Max(1, targetDay + offset);
            if (indexDate.AddDays(Math.Min(visitDay, deathDay + 7)) > options.AsOf)
            {
                yield break;
            }

            var followUp = new SyntheticRow
            {
                ["record_type"] = "followup",
                ["study_id"] = studyId,
                ["time_point"] = code,
            };

            if (deathDay < visitDay)
            {
                var learnedDay = Math.Max(deathDay + random.Next(1, 14), 1);
                if (indexDate.AddDays(learnedDay) > options.AsOf)
                {
                    yield break;
                }

                followUp["visit_date"] = Iso(indexDate.AddDays(learnedDay));
                followUp["vital_status"] = "deceased";
                followUp["death_date"] = Iso(indexDate.AddDays(Math.Max(deathDay, 0)));
                yield return followUp;
                yield break;
            }

            if (random.NextDouble() < 0.08)
            {
                continue; // missed visit: no row at all
            }

            followUp["visit_date"] = Iso(indexDate.AddDays(visitDay));
            if (random.NextDouble() < 0.03)
            {
                followUp["vital_status"] = "lost";
                yield return followUp;
                yield break;
            }

            followUp["vital_status"] = "alive";
            var recovery = Math.Clamp(Normal(random, 0.45, 0.25), -0.2, 0.9);
            var followSeverity = Math.Clamp(severity * (1 - recovery), 0, 1);
            followUp["nrs_pain"] = Math.Clamp((int)Math.Round(Normal(random, followSeverity * 10, 1.5)), 0, 10).ToString(CultureInfo.InvariantCulture);
            AddProms(random, followUp, options.Eq5dVersion, followSeverity);
            // Neurology follows the recovery already drawn (no extra random draw, so the rest of the cohort is unchanged):
            // a good recovery gains a grade, a poor one loses one; ambulation follows the grade as at enrollment.
            var grade = enrollment["asia_grade"]![0] + (recovery > 0.6 ? 1 : recovery < 0 ? -1 : 0);
            var followGrade = ((char)Math.Clamp(grade, 'A', 'E')).ToString();
            followUp["asia_grade"] = followGrade;
            followUp["frankel_grade"] = followGrade;
            followUp["ambulatory_status"] = followGrade is "E" or "D" ? (followSeverity > 0.6 ? "assisted" : "independent") : "non_ambulatory";
            followUp["saves_grade"] = Pick(random, [("none", 85.0), ("I", 7.0), ("II", 5.0), ("III", 3.0)], v => v.Item2).Item1;
            followUp["reoperation"] = random.NextDouble() < 0.04 ? "yes" : "no";
            followUp["local_recurrence"] = random.NextDouble() < 0.06 ? "yes" : "no";
            yield return followUp;
        }
    }

    private static void AddProms(Random random, SyntheticRow row, string eq5dVersion, double severity)
    {
        var levels = eq5dVersion == "3L" ? 3 : 5;
        row["eq5d_version"] = eq5dVersion;
        foreach (var dimension in new[] { "eq5d_mo", "eq5d_sc", "eq5d_ua", "eq5d_pd", "eq5d_ad" })
        {
            row[dimension] = Math.Clamp((int)Math.Round(1 + (severity * (levels - 1)) + Normal(random, 0, 0.7)), 1, levels).ToString(CultureInfo.InvariantCulture);
        }

        row["eq_vas"] = Math.Clamp((int)Math.Round(Normal(random, 85 - (severity * 60), 10)), 0, 100).ToString(CultureInfo.InvariantCulture);
        for (var item = 1; item <= 20; item++)
        {
            // Roughly 2% of items are skipped, as in real questionnaires.
            if (random.NextDouble() < 0.02)
            {
                continue;
            }

            var level = Math.Clamp((int)Math.Round(1 + (severity * 4) + Normal(random, 0, 0.8)), 1, 5);
            row["sosgoq_" + item.ToString("D2", CultureInfo.InvariantCulture)] = level.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static void InjectError(Random random, SyntheticRow row)
    {
        switch (random.Next(4))
        {
            case 0 when row.ContainsKey("age_at_index"):
                row["age_at_index"] = "seventy";
                break;
            case 1 when row.ContainsKey("primary_tumour"):
                row["primary_tumour"] = "lungs";
                break;
            case 2 when row.ContainsKey("visit_date"):
                row["visit_date"] = DateOnly.ParseExact(row["visit_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
                break;
            default:
                row["nrs_pain"] = "11";
                break;
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var target = random.NextDouble() * total;
        foreach (var item in items)
        {
            target -= weight(item);
            if (target <= 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private static double Normal(Random random, double mean, double standardDeviation)
    {
        // Box-Muller transform.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return mean + (standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }
}
