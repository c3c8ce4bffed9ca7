namespace SpineMetsRegistry.Domain.Dictionary;

/// <summary>
/// When a field must be present. The base <see cref="Level"/> applies unless one of the
/// conditions below changes it; the conditions are evaluated against the other values of
/// the same record.
/// </summary>
/// <param name="Level">The level that applies when every condition holds.</param>
/// <param name="ByRecordType">Per-record-type overrides of <paramref name="Level"/> (for fields shared by enrollment and follow-up).</param>
/// <param name="When">The level applies only when this condition holds; otherwise <paramref name="Otherwise"/> applies.</param>
/// <param name="Otherwise">The level when <paramref name="When"/> does not hold (typically <see cref="RequirementLevel.Forbidden"/>).</param>
/// <param name="Unless">When this other field has a value, the field becomes optional (an alternative representation, e.g. visit_day for visit_date).</param>
/// <param name="WhenAnyPresent">The level applies only when at least one of these fields has a value.</param>
public sealed record FieldRequirement(
    RequirementLevel Level,
    IReadOnlyDictionary<string, RequirementLevel> ByRecordType,
    FieldCondition? When,
    RequirementLevel Otherwise,
    string? Unless,
    IReadOnlyList<string> WhenAnyPresent)
{
    /// <summary>An unconditional requirement of the given level.</summary>
    public static FieldRequirement Of(RequirementLevel level) =>
        new(level, new Dictionary<string, RequirementLevel>(), null, RequirementLevel.Optional, null, []);

    /// <summary>Whether any condition makes this requirement depend on other fields.</summary>
    public bool IsConditional => When is not null || Unless is not null || WhenAnyPresent.Count > 0 || ByRecordType.Count > 0;

    /// <summary>
    /// Resolves the requirement for one record.
    /// </summary>
    /// <param name="recordType">The record's type code.</param>
    /// <param name="hasValue">Tells whether another field of the same record has a value.</param>
    /// <param name="valueOf">Returns the canonical value of another field of the same record, or null.</param>
    public RequirementLevel Resolve(string recordType, Func<string, bool> hasValue, Func<string, string?> valueOf)
    {
        ArgumentNullException.ThrowIfNull(hasValue);
        ArgumentNullException.ThrowIfNull(valueOf);
        var level = ByRecordType.TryGetValue(recordType, out var byType) ? byType : Level;
        if (When is not null && When.AppliesTo(recordType) && !When.IsSatisfiedBy(valueOf(When.Field)))
        {
            return Otherwise;
        }

        if (WhenAnyPresent.Count > 0 && !OrdinalLists.Any(WhenAnyPresent, hasValue))
        {
            return RequirementLevel.Optional;
        }

        if (Unless is not null && hasValue(Unless))
        {
            return RequirementLevel.Optional;
        }

        return level;
    }
}

/// <summary>A condition on another field of the same record: its value is one of <paramref name="Values"/>.</summary>
/// <param name="Field">The other field's code.</param>
/// <param name="Values">The canonical codes that satisfy the condition.</param>
/// <param name="RecordTypes">The record types the condition is evaluated for; on other types it does not constrain (null = all).</param>
public sealed record FieldCondition(string Field, IReadOnlyList<string> Values, IReadOnlyList<string>? RecordTypes = null)
{
    /// <summary>Whether the condition is evaluated for a record type.</summary>
    public bool AppliesTo(string recordType) => RecordTypes is null || OrdinalLists.Contains(RecordTypes, recordType);

    /// <summary>Whether a canonical value satisfies the condition (an empty value never does).</summary>
    public bool IsSatisfiedBy(string? value) => value is not null && OrdinalLists.Contains(Values, value);
}
