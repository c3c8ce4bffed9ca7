namespace SpineMetsRegistry.Domain.Instruments.Disease;

/// <summary>Registry data-dictionary codes of the disease-state inputs shared by several instruments.</summary>
public static class DiseaseCodes
{
    /// <summary>Primary tumour codes.</summary>
    public static CodeTable<PrimaryTumour> PrimaryTumour { get; } = new("primary tumour");

    /// <summary>Visceral metastasis codes.</summary>
    public static CodeTable<VisceralMetastases> VisceralMetastases { get; } = new("visceral metastases");

    /// <summary>Ambulatory status codes.</summary>
    public static CodeTable<AmbulatoryStatus> AmbulatoryStatus { get; } = new("ambulatory status");
}
