namespace SpineMetsRegistry.Domain.Instruments.Disease;

/// <summary>Registry data-dictionary codes of the disease-state inputs shared by several instruments.</summary>
public static class DiseaseCodes
{
    /// <summary>Primary tumour codes.</summary>
    public static CodeTable<PrimaryTumour> PrimaryTumour { get; } = new(
        "primary tumour",
        (Disease.PrimaryTumour.Lung, "lung"),
        (Disease.PrimaryTumour.Breast, "breast"),
        (Disease.PrimaryTumour.Prostate, "prostate"),
        (Disease.PrimaryTumour.Kidney, "kidney"),
        (Disease.PrimaryTumour.Thyroid, "thyroid"),
        (Disease.PrimaryTumour.Colon, "colon"),
        (Disease.PrimaryTumour.Rectum, "rectum"),
        (Disease.PrimaryTumour.Melanoma, "melanoma"),
        (Disease.PrimaryTumour.Myeloma, "myeloma"),
        (Disease.PrimaryTumour.Lymphoma, "lymphoma"),
        (Disease.PrimaryTumour.Liver, "liver"),
        (Disease.PrimaryTumour.Gallbladder, "gallbladder"),
        (Disease.PrimaryTumour.Stomach, "stomach"),
        (Disease.PrimaryTumour.Oesophagus, "oesophagus"),
        (Disease.PrimaryTumour.Pancreas, "pancreas"),
        (Disease.PrimaryTumour.Bladder, "bladder"),
        (Disease.PrimaryTumour.Uterus, "uterus"),
        (Disease.PrimaryTumour.Cervix, "cervix"),
        (Disease.PrimaryTumour.Ovary, "ovary"),
        (Disease.PrimaryTumour.Sarcoma, "sarcoma"),
        (Disease.PrimaryTumour.Carcinoid, "carcinoid"),
        (Disease.PrimaryTumour.GermCell, "germ_cell"),
        (Disease.PrimaryTumour.HeadNeck, "head_neck"),
        (Disease.PrimaryTumour.Unknown, "unknown"),
        (Disease.PrimaryTumour.Other, "other"));

    /// <summary>Visceral metastasis codes.</summary>
    public static CodeTable<VisceralMetastases> VisceralMetastases { get; } = new(
        "visceral metastases",
        (Disease.VisceralMetastases.None, "none"),
        (Disease.VisceralMetastases.Removable, "removable"),
        (Disease.VisceralMetastases.Unremovable, "unremovable"));

    /// <summary>Ambulatory status codes.</summary>
    public static CodeTable<AmbulatoryStatus> AmbulatoryStatus { get; } = new(
        "ambulatory status",
        (Disease.AmbulatoryStatus.Independent, "independent"),
        (Disease.AmbulatoryStatus.Assisted, "assisted"),
        (Disease.AmbulatoryStatus.NonAmbulatory, "non_ambulatory"));
}
