namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>
/// A validated rule that reports findings of one category in one field as warnings instead of
/// errors (for example <c>person_name</c> in <c>primary_other_text</c>, where a tumour named after
/// a person is a known false positive). Created only through <see cref="DeidentificationSettings.Create"/>.
/// </summary>
/// <param name="Field">The exact field code the rule applies to (lower-case snake case).</param>
/// <param name="Category">The category downgraded in that field.</param>
public sealed record SeverityDowngradeRule(string Field, IdentifierCategory Category);
