using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Domain.Scoring;

/// <summary>
/// The record fields the scorer reads, each resolved to its slot once per data dictionary
/// rather than looked up by code on every scored row.
/// </summary>
internal static class ScoredFields
{
    /// <summary><c>albumin_g_l</c>.</summary>
    public static readonly RecordField AlbuminGL = new("albumin_g_l");

    /// <summary><c>ambulatory_status</c>.</summary>
    public static readonly RecordField AmbulatoryStatus = new("ambulatory_status");

    /// <summary><c>bilsky_grade</c>.</summary>
    public static readonly RecordField BilskyGrade = new("bilsky_grade");

    /// <summary><c>ecog</c>.</summary>
    public static readonly RecordField Ecog = new("ecog");

    /// <summary><c>eq5d_ad</c>.</summary>
    public static readonly RecordField Eq5dAd = new("eq5d_ad");

    /// <summary><c>eq5d_mo</c>.</summary>
    public static readonly RecordField Eq5dMo = new("eq5d_mo");

    /// <summary><c>eq5d_pd</c>.</summary>
    public static readonly RecordField Eq5dPd = new("eq5d_pd");

    /// <summary><c>eq5d_sc</c>.</summary>
    public static readonly RecordField Eq5dSc = new("eq5d_sc");

    /// <summary><c>eq5d_ua</c>.</summary>
    public static readonly RecordField Eq5dUa = new("eq5d_ua");

    /// <summary><c>eq5d_version</c>.</summary>
    public static readonly RecordField Eq5dVersion = new("eq5d_version");

    /// <summary><c>extraspinal_mets_count</c>.</summary>
    public static readonly RecordField ExtraspinalMetsCount = new("extraspinal_mets_count");

    /// <summary><c>frankel_grade</c>.</summary>
    public static readonly RecordField FrankelGrade = new("frankel_grade");

    /// <summary><c>index_level</c>.</summary>
    public static readonly RecordField IndexLevel = new("index_level");

    /// <summary><c>kps</c>.</summary>
    public static readonly RecordField Kps = new("kps");

    /// <summary><c>primary_tumour</c>.</summary>
    public static readonly RecordField PrimaryTumour = new("primary_tumour");

    /// <summary><c>saves_grade</c>.</summary>
    public static readonly RecordField SavesGrade = new("saves_grade");

    /// <summary><c>sins_alignment</c>.</summary>
    public static readonly RecordField SinsAlignment = new("sins_alignment");

    /// <summary><c>sins_bone_lesion</c>.</summary>
    public static readonly RecordField SinsBoneLesion = new("sins_bone_lesion");

    /// <summary><c>sins_collapse</c>.</summary>
    public static readonly RecordField SinsCollapse = new("sins_collapse");

    /// <summary><c>sins_pain</c>.</summary>
    public static readonly RecordField SinsPain = new("sins_pain");

    /// <summary><c>sins_posterolateral</c>.</summary>
    public static readonly RecordField SinsPosterolateral = new("sins_posterolateral");

    /// <summary><c>spinal_mets_count</c>.</summary>
    public static readonly RecordField SpinalMetsCount = new("spinal_mets_count");

    /// <summary><c>visceral_mets</c>.</summary>
    public static readonly RecordField VisceralMets = new("visceral_mets");
}
