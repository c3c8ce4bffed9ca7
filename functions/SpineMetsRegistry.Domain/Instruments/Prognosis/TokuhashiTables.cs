using SpineMetsRegistry.Domain.Instruments.Disease;

namespace SpineMetsRegistry.Domain.Instruments.Prognosis;

/// <summary>The primary-site groups of the revised Tokuhashi score (points in brackets).</summary>
public enum TokuhashiPrimarySite
{
    /// <summary>Lung, osteosarcoma, stomach, bladder, oesophagus, pancreas (0).</summary>
    LungOsteosarcomaStomachBladderOesophagusPancreas,

    /// <summary>Liver, gallbladder, unidentified (1).</summary>
    LiverGallbladderUnidentified,

    /// <summary>Others (2).</summary>
    Others,

    /// <summary>Kidney, uterus (3).</summary>
    KidneyUterus,

    /// <summary>Rectum (4).</summary>
    Rectum,

    /// <summary>Thyroid, breast, prostate, carcinoid (5).</summary>
    ThyroidBreastProstateCarcinoid,
}

/// <summary>Predicted survival band of the revised Tokuhashi total.</summary>
public enum TokuhashiSurvivalBand
{
    /// <summary>0-8: predicted survival under 6 months.</summary>
    LessThan6Months,

    /// <summary>9-11: predicted survival 6 months or more.</summary>
    AtLeast6Months,

    /// <summary>12-15: predicted survival 1 year or more.</summary>
    AtLeast1Year,
}

/// <summary>The data tables of the revised Tokuhashi score (Tokuhashi Y et al., Spine 2005;30(19):2186-91).</summary>
public static class TokuhashiTables
{
    private const string Source = "Tokuhashi Y et al. A revised scoring system for preoperative evaluation of metastatic spine tumor prognosis. Spine 2005;30(19):2186-91";

    /// <summary>
    /// Registry primary-tumour code to Tokuhashi primary-site group, table
    /// <c>tokuhashi-2005-primary-site</c> version <c>registry-1</c>. Rows the paper does not name
    /// are registry decisions, each with its reason. Notable: <c>colon</c> is "others" (2) while
    /// <c>rectum</c> scores 4 (the paper names rectum only); <c>sarcoma</c> is placed with
    /// osteosarcoma (0) because the registry code cannot tell osteosarcoma from other sarcomas
    /// and osteosarcoma is the paper's only sarcoma; <c>cervix</c> is placed with uterus (3).
    /// </summary>
    public static PrimaryTumourClassification<TokuhashiPrimarySite> PrimarySite { get; } = new(
        "tokuhashi-2005-primary-site",
        "registry-1",
        Source,
        Paper(PrimaryTumour.Lung, TokuhashiPrimarySite.LungOsteosarcomaStomachBladderOesophagusPancreas),
        Paper(PrimaryTumour.Breast, TokuhashiPrimarySite.ThyroidBreastProstateCarcinoid),
        Paper(PrimaryTumour.Prostate, TokuhashiPrimarySite.ThyroidBreastProstateCarcinoid),
        Paper(PrimaryTumour.Kidney, TokuhashiPrimarySite.KidneyUterus),
        Paper(PrimaryTumour.Thyroid, TokuhashiPrimarySite.ThyroidBreastProstateCarcinoid),
        Decision(PrimaryTumour.Colon, TokuhashiPrimarySite.Others, "The paper names rectum (4) but not colon; colon falls under 'others'."),
        Paper(PrimaryTumour.Rectum, TokuhashiPrimarySite.Rectum),
        Decision(PrimaryTumour.Melanoma, TokuhashiPrimarySite.Others, "Not named in the paper: 'others'."),
        Decision(PrimaryTumour.Myeloma, TokuhashiPrimarySite.Others, "Not named in the paper: 'others'."),
        Decision(PrimaryTumour.Lymphoma, TokuhashiPrimarySite.Others, "Not named in the paper: 'others'."),
        Paper(PrimaryTumour.Liver, TokuhashiPrimarySite.LiverGallbladderUnidentified),
        Paper(PrimaryTumour.Gallbladder, TokuhashiPrimarySite.LiverGallbladderUnidentified),
        Paper(PrimaryTumour.Stomach, TokuhashiPrimarySite.LungOsteosarcomaStomachBladderOesophagusPancreas),
        Paper(PrimaryTumour.Oesophagus, TokuhashiPrimarySite.LungOsteosarcomaStomachBladderOesophagusPancreas),
        Paper(PrimaryTumour.Pancreas, TokuhashiPrimarySite.LungOsteosarcomaStomachBladderOesophagusPancreas),
        Paper(PrimaryTumour.Bladder, TokuhashiPrimarySite.LungOsteosarcomaStomachBladderOesophagusPancreas),
        Paper(PrimaryTumour.Uterus, TokuhashiPrimarySite.KidneyUterus),
        Decision(PrimaryTumour.Cervix, TokuhashiPrimarySite.KidneyUterus, "The paper's 'uterus' is read as uterine cancer including the cervix."),
        Decision(PrimaryTumour.Ovary, TokuhashiPrimarySite.Others, "Not named in the paper: 'others'."),
        Decision(PrimaryTumour.Sarcoma, TokuhashiPrimarySite.LungOsteosarcomaStomachBladderOesophagusPancreas, "The paper's only sarcoma is osteosarcoma (0); the registry code 'sarcoma' cannot tell osteosarcoma apart, and is scored with it."),
        Paper(PrimaryTumour.Carcinoid, TokuhashiPrimarySite.ThyroidBreastProstateCarcinoid),
        Decision(PrimaryTumour.GermCell, TokuhashiPrimarySite.Others, "Not named in the paper: 'others'."),
        Decision(PrimaryTumour.HeadNeck, TokuhashiPrimarySite.Others, "Not named in the paper: 'others'."),
        Paper(PrimaryTumour.Unknown, TokuhashiPrimarySite.LiverGallbladderUnidentified),
        Paper(PrimaryTumour.Other, TokuhashiPrimarySite.Others));

    /// <summary>Survival bands of the total 0-15: 0-8, 9-11, 12-15.</summary>
    public static ScoreBandTable<TokuhashiSurvivalBand> Bands { get; } = new(
        0,
        15,
        new ScoreBand<TokuhashiSurvivalBand>(0, 8, TokuhashiSurvivalBand.LessThan6Months),
        new ScoreBand<TokuhashiSurvivalBand>(9, 11, TokuhashiSurvivalBand.AtLeast6Months),
        new ScoreBand<TokuhashiSurvivalBand>(12, 15, TokuhashiSurvivalBand.AtLeast1Year));

    /// <summary>Points of a primary-site group.</summary>
    /// <param name="site">The group.</param>
    public static int Points(TokuhashiPrimarySite site) => site switch
    {
        TokuhashiPrimarySite.LungOsteosarcomaStomachBladderOesophagusPancreas => 0,
        TokuhashiPrimarySite.LiverGallbladderUnidentified => 1,
        TokuhashiPrimarySite.Others => 2,
        TokuhashiPrimarySite.KidneyUterus => 3,
        TokuhashiPrimarySite.Rectum => 4,
        TokuhashiPrimarySite.ThyroidBreastProstateCarcinoid => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(site)),
    };

    private static PrimaryTumourMapping<TokuhashiPrimarySite> Paper(PrimaryTumour primary, TokuhashiPrimarySite site) =>
        new(primary, site, MappingBasis.Paper);

    private static PrimaryTumourMapping<TokuhashiPrimarySite> Decision(PrimaryTumour primary, TokuhashiPrimarySite site, string note) =>
        new(primary, site, MappingBasis.RegistryDecision, note);
}
