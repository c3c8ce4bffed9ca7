using System.Globalization;
using SpineMetsRegistry.Synthetic;
using static SpineMetsRegistry.EndToEnd.Tests.Support.Rows;

namespace SpineMetsRegistry.EndToEnd.Tests.Support;

/// <summary>
/// Small hand-written batches of site S01 whose outcome is known row by row: three
/// patients (one with a complete SINS of 11, one at the bottom of the 75%-answered rule for
/// SOSGOQ, one without SINS, EQ-5D or SOSGOQ who dies before the 6-week visit) and two
/// follow-up visits.
/// </summary>
internal static class SiteBatches
{
    public const string Site = "S01";

    /// <summary>T12 (3) + mechanical (3) + lytic (2) + normal (0) + &lt;50% collapse (2) + unilateral (1) = 11 (Fisher 2010).</summary>
    public static SyntheticRow FirstEnrollment { get; } = Row(
        ("record_type", "enrollment"), ("study_id", "S01-0001"), ("age_at_index", "67"), ("sex", "female"),
        ("index_date", "2025-09-15"), ("index_treatment", "surgery"), ("surgery_type", "decompression_stabilisation"),
        ("primary_tumour", "breast"), ("index_level", "T12"), ("spinal_mets_count", "2"), ("extraspinal_mets_count", "1"),
        ("visceral_mets", "none"), ("sins_pain", "mechanical"), ("sins_bone_lesion", "lytic"), ("sins_alignment", "normal"),
        ("sins_collapse", "under_50"), ("sins_posterolateral", "unilateral"), ("bilsky_grade", "1b"), ("ecog", "1"), ("kps", "80"),
        ("asia_grade", "E"), ("ambulatory_status", "independent"), ("albumin_g_l", "38.5"), ("nrs_pain", "7"),
        ("eq5d_version", "5L"), ("eq5d_mo", "2"), ("eq5d_sc", "1"), ("eq5d_ua", "3"), ("eq5d_pd", "5"), ("eq5d_ad", "4"), ("eq_vas", "55"))
        .WithSosgoq(Enumerable.Range(1, 20).ToDictionary(i => i, _ => 2));

    public static SyntheticRow FirstSixWeeks { get; } = Row(
        ("record_type", "followup"), ("study_id", "S01-0001"), ("time_point", "6w"), ("visit_date", "2025-10-27"),
        ("vital_status", "alive"), ("nrs_pain", "3"), ("eq5d_version", "5L"), ("eq5d_mo", "1"), ("eq5d_sc", "1"), ("eq5d_ua", "1"),
        ("eq5d_pd", "1"), ("eq5d_ad", "1"), ("eq_vas", "80"), ("ambulatory_status", "independent"), ("saves_grade", "none"),
        ("reoperation", "no"), ("local_recurrence", "no"));

    /// <summary>T6 (1) + occasional (1) + lytic (2) + normal (0) + &gt;50% involved (1) + unilateral (1) = 6; SOSGOQ with 15 of 20 items.</summary>
    public static SyntheticRow SecondEnrollment { get; } = Row(
        ("record_type", "enrollment"), ("study_id", "S01-0002"), ("age_at_index", "58"), ("sex", "male"),
        ("index_date", "2025-10-02"), ("index_treatment", "radiotherapy"), ("rt_dose_gy", "8"), ("rt_fractions", "1"),
        ("primary_tumour", "lung"), ("index_level", "T6"), ("spinal_mets_count", "1"), ("extraspinal_mets_count", "0"),
        ("visceral_mets", "unremovable"), ("sins_pain", "occasional"), ("sins_bone_lesion", "lytic"), ("sins_alignment", "normal"),
        ("sins_collapse", "no_collapse_over_50_involved"), ("sins_posterolateral", "unilateral"), ("bilsky_grade", "1a"), ("ecog", "2"),
        ("asia_grade", "E"), ("ambulatory_status", "assisted"), ("nrs_pain", "5"),
        ("eq5d_version", "5L"), ("eq5d_mo", "2"), ("eq5d_sc", "1"), ("eq5d_ua", "1"), ("eq5d_pd", "1"), ("eq5d_ad", "1"), ("eq_vas", "70"))
        .WithSosgoq(Enumerable.Range(1, 15).ToDictionary(i => i, _ => 3));

    public static SyntheticRow ThirdEnrollment { get; } = Row(
        ("record_type", "enrollment"), ("study_id", "S01-0003"), ("age_at_index", "90+"), ("sex", "female"),
        ("index_date", "2025-10-20"), ("index_treatment", "combined"), ("surgery_type", "stabilisation"), ("rt_dose_gy", "20"),
        ("rt_fractions", "5"), ("primary_tumour", "lung"), ("index_level", "L3"), ("spinal_mets_count", "3"),
        ("extraspinal_mets_count", "2"), ("visceral_mets", "removable"), ("bilsky_grade", "2"), ("kps", "60"), ("asia_grade", "D"),
        ("ambulatory_status", "assisted"), ("nrs_pain", "8"));

    public static SyntheticRow ThirdDied { get; } = Row(
        ("record_type", "followup"), ("study_id", "S01-0003"), ("time_point", "6w"), ("visit_date", "2025-11-20"),
        ("vital_status", "deceased"), ("death_date", "2025-11-10"));

    public static IReadOnlyList<SyntheticRow> FirstRows { get; } = [FirstEnrollment, FirstSixWeeks, SecondEnrollment, ThirdEnrollment, ThirdDied];

    /// <summary>The first batch: three enrollments and two 6-week visits.</summary>
    public static Batch First(string fileName = "2025-12-01-export.csv") => Batch.Csv(Site, fileName, FirstRows);

    /// <summary>A withdrawal of consent, as the site sends it.</summary>
    public static SyntheticRow Withdrawal(string studyId) => Row(
        ("record_type", "withdrawal"), ("study_id", studyId), ("withdrawal_date", "2025-12-05"), ("withdrawal_reason", "consent_withdrawn"));

    private static SyntheticRow WithSosgoq(this SyntheticRow row, IReadOnlyDictionary<int, int> levels)
    {
        foreach (var (item, level) in levels)
        {
            row["sosgoq_" + item.ToString("D2", CultureInfo.InvariantCulture)] = level.ToString(CultureInfo.InvariantCulture);
        }

        return row;
    }
}
