namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>
/// One identifier finding in a column name, a value or a study ID. Carries no part of the
/// original value except through <see cref="Masked"/>, which is safe to put in reports and logs.
/// </summary>
/// <param name="Category">What kind of identifier was found.</param>
/// <param name="Part">Whether the column name, a value or a study ID triggered the finding.</param>
/// <param name="Start">Start of the offending span, in UTF-16 code units, within the inspected text.</param>
/// <param name="Length">Length of the offending span, in UTF-16 code units.</param>
/// <param name="Masked">
/// A rendering that never reveals the identifier (see <see cref="IdentifierMasker"/>); for a
/// column-name finding, the registry's own lexicon term that matched.
/// </param>
/// <param name="Severity">Error (quarantine) unless a per-field downgrade rule applies.</param>
public sealed record IdentifierFinding(
    IdentifierCategory Category,
    FindingPart Part,
    int Start,
    int Length,
    string Masked,
    FindingSeverity Severity)
{
    /// <summary>
    /// A stable machine-readable code naming part and category, e.g. <c>deid.value.email</c>,
    /// <c>deid.column.date_of_birth</c> or <c>deid.study_id.phone</c>.
    /// </summary>
    public string Code => Part switch
    {
        FindingPart.ColumnName => "deid.column." + Category.ToCode(),
        FindingPart.StudyId => "deid.study_id." + Category.ToCode(),
        _ => "deid.value." + Category.ToCode(),
    };
}
