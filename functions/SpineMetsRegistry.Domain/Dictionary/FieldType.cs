namespace SpineMetsRegistry.Domain.Dictionary;

/// <summary>The value type of a data-dictionary field, which fixes how a cell is parsed.</summary>
public enum FieldType
{
    /// <summary>Free or constrained text (trimmed; limited by <see cref="FieldDefinition.MaxLength"/>).</summary>
    Text,

    /// <summary>A whole number. "22", "22.0" and "+22" are accepted; "22.5" is not.</summary>
    Integer,

    /// <summary>A decimal number with a dot as separator ("3.5", never "3,5").</summary>
    Decimal,

    /// <summary>A calendar date in ISO 8601 form YYYY-MM-DD.</summary>
    Date,

    /// <summary>One code from the field's code list (matched case-insensitively, stored canonically).</summary>
    Code,

    /// <summary>Several codes from the field's code list, separated by semicolons.</summary>
    LevelList,

    /// <summary>Yes/no: accepts yes/no, 1/0, true/false (REDCap exports yes/no fields as 1/0).</summary>
    Boolean,

    /// <summary>Whole years within a range, with a top code (e.g. "90+") for higher ages.</summary>
    Age,
}
