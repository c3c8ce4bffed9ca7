using SpineMetsRegistry.Domain.Instruments.Disease;

namespace SpineMetsRegistry.Domain.Instruments.Prognosis;

/// <summary>Growth rate of the primary tumour in the Tomita score (points in brackets).</summary>
public enum TomitaPrimaryGrowth
{
    /// <summary>Slow growth, e.g. breast, thyroid, prostate (1).</summary>
    Slow,

    /// <summary>Moderate growth, e.g. kidney, uterus (2).</summary>
    Moderate,

    /// <summary>Rapid growth, e.g. lung, stomach, liver (4).</summary>
    Rapid,
}

/// <summary>Surgical strategy band of the Tomita total.</summary>
public enum TomitaStrategy
{
    /// <summary>2-3: wide or marginal excision (long-term local control).</summary>
    WideOrMarginalExcision,

    /// <summary>4-5: marginal or intralesional excision (middle-term local control).</summary>
    MarginalOrIntralesionalExcision,

    /// <summary>6-7: palliative surgery (short-term palliation).</summary>
    PalliativeSurgery,

    /// <summary>8-10: non-operative supportive care.</summary>
    SupportiveCare,
}

/// <summary>The data tables of the Tomita score (Tomita K et al., Spine 2001;26(3):298-306).</summary>
public static class TomitaTables
{
    private const string Source = "Tomita K et al. Surgical strategy for spinal metastases. Spine 2001;26(3):298-306";

    /// <summary>
    /// Registry primary-tumour code to Tomita growth group, table <c>tomita-2001-primary-growth</c>
    /// version <c>registry-1</c>. The paper lists examples only (slow: breast, thyroid, prostate;
    /// moderate: kidney, uterus; rapid: lung, stomach, liver); every other code is a registry
    /// decision with its reason.
    /// </summary>
    public static PrimaryTumourClassification<TomitaPrimaryGrowth> PrimaryGrowth { get; } = new(
        "tomita-2001-primary-growth",
        "registry-1",
        Source,
        Paper(PrimaryTumour.Lung, TomitaPrimaryGrowth.Rapid),
        Paper(PrimaryTumour.Breast, TomitaPrimaryGrowth.Slow),
        Paper(PrimaryTumour.Prostate, TomitaPrimaryGrowth.Slow),
        Paper(PrimaryTumour.Kidney, TomitaPrimaryGrowth.Moderate),
        Paper(PrimaryTumour.Thyroid, TomitaPrimaryGrowth.Slow),
        Decision(PrimaryTumour.Colon, TomitaPrimaryGrowth.Moderate, "Colorectal placed with the moderate group."),
        Decision(PrimaryTumour.Rectum, TomitaPrimaryGrowth.Moderate, "Colorectal placed with the moderate group."),
        Decision(PrimaryTumour.Melanoma, TomitaPrimaryGrowth.Rapid, "Aggressive histology placed with the rapid group."),
        Decision(PrimaryTumour.Myeloma, TomitaPrimaryGrowth.Moderate, "Haematological; placed in the middle (moderate) group."),
        Decision(PrimaryTumour.Lymphoma, TomitaPrimaryGrowth.Moderate, "Haematological; placed in the middle (moderate) group."),
        Paper(PrimaryTumour.Liver, TomitaPrimaryGrowth.Rapid),
        Decision(PrimaryTumour.Gallbladder, TomitaPrimaryGrowth.Rapid, "Hepatobiliary; placed with liver (rapid)."),
        Paper(PrimaryTumour.Stomach, TomitaPrimaryGrowth.Rapid),
        Decision(PrimaryTumour.Oesophagus, TomitaPrimaryGrowth.Rapid, "Upper gastrointestinal; placed with stomach (rapid)."),
        Decision(PrimaryTumour.Pancreas, TomitaPrimaryGrowth.Rapid, "Aggressive histology placed with the rapid group."),
        Decision(PrimaryTumour.Bladder, TomitaPrimaryGrowth.Rapid, "Placed with the rapid group, as in revised Tokuhashi's 0-point group."),
        Paper(PrimaryTumour.Uterus, TomitaPrimaryGrowth.Moderate),
        Decision(PrimaryTumour.Cervix, TomitaPrimaryGrowth.Moderate, "Placed with uterus (moderate)."),
        Decision(PrimaryTumour.Ovary, TomitaPrimaryGrowth.Moderate, "Gynaecological; placed with uterus (moderate)."),
        Decision(PrimaryTumour.Sarcoma, TomitaPrimaryGrowth.Rapid, "Placed with the rapid group (osteosarcoma is in revised Tokuhashi's 0-point group)."),
        Decision(PrimaryTumour.Carcinoid, TomitaPrimaryGrowth.Slow, "Indolent neuroendocrine tumour; placed with the slow group."),
        Decision(PrimaryTumour.GermCell, TomitaPrimaryGrowth.Moderate, "Not named; placed in the middle (moderate) group."),
        Decision(PrimaryTumour.HeadNeck, TomitaPrimaryGrowth.Rapid, "Placed with the rapid group."),
        Decision(PrimaryTumour.Unknown, TomitaPrimaryGrowth.Rapid, "Unknown primary placed with the rapid group (revised Tokuhashi also scores it low)."),
        Decision(PrimaryTumour.Other, TomitaPrimaryGrowth.Moderate, "Unlisted primary; placed in the middle (moderate) group."));

    /// <summary>Strategy bands of the total 2-10: 2-3, 4-5, 6-7, 8-10.</summary>
    public static ScoreBandTable<TomitaStrategy> Bands { get; } = new(
        2,
        10,
        new ScoreBand<TomitaStrategy>(2, 3, TomitaStrategy.WideOrMarginalExcision),
        new ScoreBand<TomitaStrategy>(4, 5, TomitaStrategy.MarginalOrIntralesionalExcision),
        new ScoreBand<TomitaStrategy>(6, 7, TomitaStrategy.PalliativeSurgery),
        new ScoreBand<TomitaStrategy>(8, 10, TomitaStrategy.SupportiveCare));

    /// <summary>Points of a growth group: slow 1, moderate 2, rapid 4.</summary>
    /// <param name="growth">The group.</param>
    public static int Points(TomitaPrimaryGrowth growth) => growth switch
    {
        TomitaPrimaryGrowth.Slow => 1,
        TomitaPrimaryGrowth.Moderate => 2,
        TomitaPrimaryGrowth.Rapid => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(growth)),
    };

    private static PrimaryTumourMapping<TomitaPrimaryGrowth> Paper(PrimaryTumour primary, TomitaPrimaryGrowth growth) =>
        new(primary, growth, MappingBasis.Paper);

    private static PrimaryTumourMapping<TomitaPrimaryGrowth> Decision(PrimaryTumour primary, TomitaPrimaryGrowth growth, string note) =>
        new(primary, growth, MappingBasis.RegistryDecision, note);
}
