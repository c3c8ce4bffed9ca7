using System.Globalization;

namespace SpineMetsRegistry.Cli.Commands.Template;

/// <summary>
/// The records of the example batch: two synthetic patients (made-up study IDs of the
/// site, no identifier of any kind), their enrollments and follow-up visits at 6 and 12
/// weeks, valid under the shipped dictionary without a single warning. Dates lie in the
/// past so the example validates on any later day.
/// </summary>
internal static class ExampleBatch
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Records(string siteCode)
    {
        string Id(int number) => string.Create(CultureInfo.InvariantCulture, $"{siteCode}-{number:0000}");

        return
        [
            Enrollment(Id(1), age: "64", sex: "female", indexDate: "2025-01-10", primary: "lung", level: "T8", levels: "T7;T8", ecog: "1", nrs: "6"),
            Enrollment(Id(2), age: "71", sex: "male", indexDate: "2025-02-03", primary: "prostate", level: "L2", levels: "L1;L2;L3", ecog: "2", nrs: "7"),
            FollowUp(Id(1), "6w", "2025-02-21", nrs: "3"),
            FollowUp(Id(1), "12w", "2025-04-04", nrs: "2"),
            FollowUp(Id(2), "6w", "2025-03-17", nrs: "4"),
        ];
    }

    private static Dictionary<string, string> Enrollment(string studyId, string age, string sex, string indexDate, string primary, string level, string levels, string ecog, string nrs) => new(StringComparer.Ordinal)
    {
        ["record_type"] = "enrollment",
        ["study_id"] = studyId,
        ["age_at_index"] = age,
        ["sex"] = sex,
        ["index_date"] = indexDate,
        ["index_treatment"] = "surgery",
        ["surgery_type"] = "decompression_stabilisation",
        ["primary_tumour"] = primary,
        ["index_level"] = level,
        ["lesion_levels"] = levels,
        ["spinal_mets_count"] = "2",
        ["extraspinal_mets_count"] = "1",
        ["visceral_mets"] = "none",
        ["sins_pain"] = "mechanical",
        ["sins_bone_lesion"] = "lytic",
        ["sins_alignment"] = "normal",
        ["sins_collapse"] = "under_50",
        ["sins_posterolateral"] = "unilateral",
        ["bilsky_grade"] = "1b",
        ["ecog"] = ecog,
        ["asia_grade"] = "D",
        ["ambulatory_status"] = "assisted",
        ["nrs_pain"] = nrs,
    };

    private static Dictionary<string, string> FollowUp(string studyId, string timePoint, string visitDate, string nrs) => new(StringComparer.Ordinal)
    {
        ["record_type"] = "followup",
        ["study_id"] = studyId,
        ["time_point"] = timePoint,
        ["visit_date"] = visitDate,
        ["vital_status"] = "alive",
        ["nrs_pain"] = nrs,
        ["saves_grade"] = "none",
        ["reoperation"] = "no",
        ["local_recurrence"] = "no",
    };
}
