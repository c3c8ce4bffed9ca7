namespace SpineMetsRegistry.Domain.Tests.TestSupport;

/// <summary>
/// Rows that are valid under the shipped dictionary and produce no problem at all (no
/// warnings either), so a test that changes one cell can expect exactly one problem.
/// </summary>
public static class SampleRows
{
    public const string Site = "S01";
    public const string StudyIdPattern = "^S01-[0-9]{4}$";
    public static readonly DateOnly ReceivedOn = new(2026, 6, 1);

    public static Row Enrollment(string studyId = "S01-0001") => new(
    [
        new("record_type", "enrollment"),
        new("study_id", studyId),
        new("age_at_index", "64"),
        new("sex", "female"),
        new("index_date", "2026-01-10"),
        new("index_treatment", "surgery"),
        new("surgery_type", "decompression_stabilisation"),
        new("primary_tumour", "lung"),
        new("index_level", "T8"),
        new("lesion_levels", "T7;T8"),
        new("spinal_mets_count", "2"),
        new("extraspinal_mets_count", "1"),
        new("visceral_mets", "none"),
        new("sins_pain", "mechanical"),
        new("sins_bone_lesion", "lytic"),
        new("sins_alignment", "normal"),
        new("sins_collapse", "under_50"),
        new("sins_posterolateral", "unilateral"),
        new("bilsky_grade", "1b"),
        new("ecog", "1"),
        new("asia_grade", "D"),
        new("ambulatory_status", "assisted"),
        new("nrs_pain", "6"),
    ]);

    public static Row FollowUp(string studyId = "S01-0001", string timePoint = "6w", string visitDate = "2026-02-21") => new(
    [
        new("record_type", "followup"),
        new("study_id", studyId),
        new("time_point", timePoint),
        new("visit_date", visitDate),
        new("vital_status", "alive"),
        new("nrs_pain", "3"),
        new("saves_grade", "none"),
        new("reoperation", "no"),
        new("local_recurrence", "no"),
    ]);

    public static Row Withdrawal(string studyId = "S01-0001") => new(
    [
        new("record_type", "withdrawal"),
        new("study_id", studyId),
        new("withdrawal_reason", "consent_withdrawn"),
        new("withdrawal_date", "2026-05-01"),
    ]);

    /// <summary>The five EQ-5D dimensions plus version and VAS, all valid for both versions.</summary>
    public static Row WithEq5d(this Row row, string version = "5L") => row.With(
        ("eq5d_version", version), ("eq5d_mo", "2"), ("eq5d_sc", "1"), ("eq5d_ua", "3"), ("eq5d_pd", "2"), ("eq5d_ad", "1"), ("eq_vas", "70"));
}
