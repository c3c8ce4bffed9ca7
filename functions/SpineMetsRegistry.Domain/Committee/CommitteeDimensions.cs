namespace SpineMetsRegistry.Domain.Committee;

/// <summary>
/// The filter dimensions of the committee's statistics and their values. Every stored cell of
/// a site's statistics is keyed by one value of each, so any filter is answered by merging cells
/// (never by reading records).
/// </summary>
public static class CommitteeDimensions
{
    /// <summary>The value of a dimension that means "every value" (the margin).</summary>
    public const string All = "*";

    /// <summary>The value used when a record lacks the dimension's field.</summary>
    public const string Unknown = "unknown";

    /// <summary>Dimension names, in the key order of a cell.</summary>
    public static IReadOnlyList<string> Names { get; } = ["period", "primary_group", "index_treatment"];

    /// <summary>The follow-up time points of the outcome tables, baseline first.</summary>
    public static IReadOnlyList<string> TimePoints { get; } = ["baseline", "6w", "12w", "26w", "52w"];

    /// <summary>The vital statuses a follow-up visit records (data dictionary code list <c>vital_status</c>).</summary>
    public static IReadOnlyList<string> VitalStatuses { get; } = ["alive", "deceased", "lost"];

    /// <summary>
    /// The primary tumour group of a primary tumour code. The groups are the registry's filter
    /// categories (not a prognostic score): the four most frequent primaries of spinal
    /// metastases (lung, breast, prostate, kidney) on their own, the haematological primaries,
    /// gastrointestinal primaries together, and everything else as "other".
    /// </summary>
    /// <param name="primaryTumour">The <c>primary_tumour</c> code, or null.</param>
    public static string PrimaryGroup(string? primaryTumour) => primaryTumour switch
    {
        null or "" => Unknown,
        "lung" or "breast" or "prostate" or "kidney" => primaryTumour,
        "myeloma" or "lymphoma" => "haematological",
        "colon" or "rectum" or "liver" or "gallbladder" or "stomach" or "oesophagus" or "pancreas" => "gastrointestinal",
        _ => "other",
    };
}
