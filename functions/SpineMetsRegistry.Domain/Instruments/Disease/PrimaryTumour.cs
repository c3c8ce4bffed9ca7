namespace SpineMetsRegistry.Domain.Instruments.Disease;

/// <summary>
/// Primary tumour site as coded in the registry (codes in <see cref="DiseaseCodes.PrimaryTumour"/>).
/// Colon and rectum are recorded separately (together "colorectal") because revised Tokuhashi
/// scores rectum on its own.
/// </summary>
public enum PrimaryTumour
{
    /// <summary>Lung (code <c>lung</c>).</summary>
    Lung,

    /// <summary>Breast (code <c>breast</c>).</summary>
    Breast,

    /// <summary>Prostate (code <c>prostate</c>).</summary>
    Prostate,

    /// <summary>Kidney, renal cell (code <c>kidney</c>).</summary>
    Kidney,

    /// <summary>Thyroid (code <c>thyroid</c>).</summary>
    Thyroid,

    /// <summary>Colon (code <c>colon</c>).</summary>
    Colon,

    /// <summary>Rectum (code <c>rectum</c>).</summary>
    Rectum,

    /// <summary>Melanoma (code <c>melanoma</c>).</summary>
    Melanoma,

    /// <summary>Multiple myeloma / plasmacytoma (code <c>myeloma</c>).</summary>
    Myeloma,

    /// <summary>Lymphoma (code <c>lymphoma</c>).</summary>
    Lymphoma,

    /// <summary>Liver, hepatocellular (code <c>liver</c>).</summary>
    Liver,

    /// <summary>Gallbladder (code <c>gallbladder</c>).</summary>
    Gallbladder,

    /// <summary>Stomach (code <c>stomach</c>).</summary>
    Stomach,

    /// <summary>Oesophagus (code <c>oesophagus</c>).</summary>
    Oesophagus,

    /// <summary>Pancreas (code <c>pancreas</c>).</summary>
    Pancreas,

    /// <summary>Urinary bladder (code <c>bladder</c>).</summary>
    Bladder,

    /// <summary>Uterus, uterine body (code <c>uterus</c>).</summary>
    Uterus,

    /// <summary>Uterine cervix (code <c>cervix</c>).</summary>
    Cervix,

    /// <summary>Ovary (code <c>ovary</c>).</summary>
    Ovary,

    /// <summary>Sarcoma of bone or soft tissue, any subtype (code <c>sarcoma</c>).</summary>
    Sarcoma,

    /// <summary>Carcinoid / well-differentiated neuroendocrine tumour (code <c>carcinoid</c>).</summary>
    Carcinoid,

    /// <summary>Germ cell tumour, seminoma or non-seminoma (code <c>germ_cell</c>).</summary>
    GermCell,

    /// <summary>Head and neck (code <c>head_neck</c>).</summary>
    HeadNeck,

    /// <summary>Primary not identified (code <c>unknown</c>).</summary>
    Unknown,

    /// <summary>Identified primary not in this list (code <c>other</c>).</summary>
    Other,
}
