namespace SpineMetsRegistry.Cli.Tests.TestSupport;

/// <summary>Small batches for the command line, valid under the shipped dictionary for site S01.</summary>
public static class Batches
{
    public const string Header =
        "record_type,study_id,age_at_index,sex,index_date,index_treatment,surgery_type,primary_tumour,index_level,spinal_mets_count,extraspinal_mets_count,visceral_mets,sins_pain,sins_bone_lesion,sins_alignment,sins_collapse,sins_posterolateral,bilsky_grade,ecog,asia_grade,ambulatory_status,nrs_pain,time_point,visit_date,vital_status,saves_grade,reoperation,local_recurrence";

    public const string Enrollment1 = "enrollment,S01-0001,64,female,2026-01-10,surgery,decompression_stabilisation,lung,T8,2,1,none,mechanical,lytic,normal,under_50,unilateral,1b,1,D,assisted,6,,,,,,";

    public const string FollowUp1 = "followup,S01-0001,,,,,,,,,,,,,,,,,,,,3,6w,2026-02-21,alive,none,no,no";

    public const string Valid = Header + "\n" + Enrollment1 + "\n" + FollowUp1 + "\n";

    /// <summary>Row 3 has an invalid sex code; row 4 lacks the recommended SAVES grade.</summary>
    public const string WithErrors = Header + "\n"
        + Enrollment1 + "\n"
        + "enrollment,S01-0002,71,x,2026-01-12,radiotherapy,,breast,L2,1,0,none,mechanical,blastic,normal,none,none,0,2,E,independent,4,,,,,,\n"
        + "followup,S01-0001,,,,,,,,,,,,,,,,,,,,3,6w,2026-02-21,alive,,no,no\n";

    public const string ValidJsonLines =
        """{"record_type":"withdrawal","study_id":"S01-0001","withdrawal_reason":"consent_withdrawn","withdrawal_date":"2026-05-01"}""" + "\n";
}
