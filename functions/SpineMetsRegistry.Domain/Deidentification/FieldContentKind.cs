namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>
/// What kind of content a field holds, as far as the value scanner is concerned. The gate maps
/// each data-dictionary field type onto one of these.
/// </summary>
public enum FieldContentKind
{
    /// <summary>Free text: every detector runs, including person names and full dates.</summary>
    FreeText,

    /// <summary>
    /// A typed or coded value (number, choice code, study ID): every detector runs except person
    /// names. Such values are validated against the data dictionary, and code labels are often
    /// capitalised eponyms (e.g. "Ewing"), so name matching would only add false positives; a
    /// person name is checked in free text, as the gate's specification requires.
    /// </summary>
    Structured,

    /// <summary>
    /// A registry date field (index, visit, death date): every detector runs except the
    /// full-date detector, because such dates are governed by the registry's date policy, not by
    /// the identifier scanner.
    /// </summary>
    Date,
}
