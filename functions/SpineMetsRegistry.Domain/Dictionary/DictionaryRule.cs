namespace SpineMetsRegistry.Domain.Dictionary;

/// <summary>The kinds of record-level rules a dictionary can declare.</summary>
public enum DictionaryRuleKind
{
    /// <summary>At least one of the fields must have a value.</summary>
    AtLeastOneOf,

    /// <summary>Either all of the fields have a value or none has (an instrument answered in full).</summary>
    AllOrNone,
}

/// <summary>A record-level rule over several fields, declared in the dictionary.</summary>
/// <param name="Code">Stable rule name, shown in reports next to the problem code.</param>
/// <param name="Kind">What the rule checks.</param>
/// <param name="RecordTypes">Record types the rule applies to.</param>
/// <param name="Fields">The fields involved.</param>
/// <param name="IsError">True when a violation rejects the record; false for a warning.</param>
/// <param name="Message">The message a data manager reads.</param>
public sealed record DictionaryRule(
    string Code,
    DictionaryRuleKind Kind,
    IReadOnlyList<string> RecordTypes,
    IReadOnlyList<string> Fields,
    bool IsError,
    string Message);
