using System.Text.Json.Serialization;

namespace SpineMetsRegistry.Domain.Instruments.Disease;

/// <summary>
/// Primary tumour site as coded in the registry (codes in <see cref="DiseaseCodes.PrimaryTumour"/>).
/// Colon and rectum are recorded separately (together "colorectal") because revised Tokuhashi
/// scores rectum on its own.
/// </summary>
public enum PrimaryTumour
{
    /// <summary>Lung (code <c>lung</c>).</summary>
    [JsonStringEnumMemberName("lung")]
    Lung,

    /// <summary>Breast (code <c>breast</c>).</summary>
    [JsonStringEnumMemberName("breast")]
    Breast,

    /// <summary>Prostate (code <c>prostate</c>).</summary>
    [JsonStringEnumMemberName("prostate")]
    Prostate,

    /// <summary>Kidney, renal cell (code <c>kidney</c>).</summary>
    [JsonStringEnumMemberName("kidney")]
    Kidney,

    /// <summary>Thyroid (code <c>thyroid</c>).</summary>
    [JsonStringEnumMemberName("thyroid")]
    Thyroid,

    /// <summary>Colon (code <c>colon</c>).</summary>
    [JsonStringEnumMemberName("colon")]
    Colon,

    /// <summary>Rectum (code <c>rectum</c>).</summary>
    [JsonStringEnumMemberName("rectum")]
    Rectum,

    /// <summary>Melanoma (code <c>melanoma</c>).</summary>
    [JsonStringEnumMemberName("melanoma")]
    Melanoma,

    /// <summary>Multiple myeloma / plasmacytoma (code <c>myeloma</c>).</summary>
    [JsonStringEnumMemberName("myeloma")]
    Myeloma,

    /// <summary>Lymphoma (code <c>lymphoma</c>).</summary>
    [JsonStringEnumMemberName("lymphoma")]
    Lymphoma,

    /// <summary>Liver, hepatocellular (code <c>liver</c>).</summary>
    [JsonStringEnumMemberName("liver")]
    Liver,

    /// <summary>Gallbladder (code <c>gallbladder</c>).</summary>
    [JsonStringEnumMemberName("gallbladder")]
    Gallbladder,

    /// <summary>Stomach (code <c>stomach</c>).</summary>
    [JsonStringEnumMemberName("stomach")]
    Stomach,

    /// <summary>Oesophagus (code <c>oesophagus</c>).</summary>
    [JsonStringEnumMemberName("oesophagus")]
    Oesophagus,

    /// <summary>Pancreas (code <c>pancreas</c>).</summary>
    [JsonStringEnumMemberName("pancreas")]
    Pancreas,

    /// <summary>Urinary bladder (code <c>bladder</c>).</summary>
    [JsonStringEnumMemberName("bladder")]
    Bladder,

    /// <summary>Uterus, uterine body (code <c>uterus</c>).</summary>
    [JsonStringEnumMemberName("uterus")]
    Uterus,

    /// <summary>Uterine cervix (code <c>cervix</c>).</summary>
    [JsonStringEnumMemberName("cervix")]
    Cervix,

    /// <summary>Ovary (code <c>ovary</c>).</summary>
    [JsonStringEnumMemberName("ovary")]
    Ovary,

    /// <summary>Sarcoma of bone or soft tissue, any subtype (code <c>sarcoma</c>).</summary>
    [JsonStringEnumMemberName("sarcoma")]
    Sarcoma,

    /// <summary>Carcinoid / well-differentiated neuroendocrine tumour (code <c>carcinoid</c>).</summary>
    [JsonStringEnumMemberName("carcinoid")]
    Carcinoid,

    /// <summary>Germ cell tumour, seminoma or non-seminoma (code <c>germ_cell</c>).</summary>
    [JsonStringEnumMemberName("germ_cell")]
    GermCell,

    /// <summary>Head and neck (code <c>head_neck</c>).</summary>
    [JsonStringEnumMemberName("head_neck")]
    HeadNeck,

    /// <summary>Primary not identified (code <c>unknown</c>).</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    /// <summary>Identified primary not in this list (code <c>other</c>).</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
