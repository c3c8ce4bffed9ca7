using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Domain.Validation;

/// <summary>
/// A field's <see cref="FieldRequirement"/> compiled for one record type against field slots:
/// <see cref="Resolve"/> answers what <see cref="FieldRequirement.Resolve"/> answers for a row,
/// reading the row's cells and typed values by slot instead of asking two delegates by code
/// (two hash lookups per condition, field after field, row after row).
/// </summary>
internal sealed class SlotRequirement
{
    private readonly RequirementLevel _level;
    private readonly FieldCondition? _when;
    private readonly int _whenSlot;
    private readonly RequirementLevel _otherwise;
    private readonly int[] _anyPresentSlots;
    private readonly bool _hasAnyPresent;
    private readonly int _unlessSlot;

    private SlotRequirement(FieldRequirement requirement, string recordType, Func<string, int> slotOf)
    {
        _level = requirement.ByRecordType.TryGetValue(recordType, out var byType) ? byType : requirement.Level;

        // A condition evaluated only for other record types never constrains this one.
        _when = requirement.When is { } when && when.AppliesTo(recordType) ? when : null;
        _whenSlot = _when is null ? -1 : slotOf(_when.Field);
        _otherwise = requirement.Otherwise;
        _hasAnyPresent = requirement.WhenAnyPresent.Count > 0;
        _anyPresentSlots = [.. requirement.WhenAnyPresent.Select(slotOf)];
        _unlessSlot = requirement.Unless is { } unless ? slotOf(unless) : -1;
    }

    /// <summary>Compiles <paramref name="requirement"/> for <paramref name="recordType"/>; <paramref name="slotOf"/> gives a code's slot, -1 for a code the dictionary lacks.</summary>
    public static SlotRequirement Compile(FieldRequirement requirement, string recordType, Func<string, int> slotOf)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(recordType);
        ArgumentNullException.ThrowIfNull(slotOf);
        return new SlotRequirement(requirement, recordType, slotOf);
    }

    /// <summary>
    /// The level for a row: <paramref name="cells"/> are its trimmed non-empty cells (whether a
    /// field has a value), <paramref name="values"/> its typed values (a field's canonical value).
    /// </summary>
    public RequirementLevel Resolve(FieldSlotMap<string> cells, FieldSlotMap<object> values)
    {
        if (_when is not null && !_when.IsSatisfiedBy(CanonicalValue(values, _whenSlot)))
        {
            return _otherwise;
        }

        if (_hasAnyPresent && !AnyPresent(cells))
        {
            return RequirementLevel.Optional;
        }

        return _unlessSlot >= 0 && cells.Has(_unlessSlot) ? RequirementLevel.Optional : _level;
    }

    private bool AnyPresent(FieldSlotMap<string> cells)
    {
        foreach (var slot in _anyPresentSlots)
        {
            if (slot >= 0 && cells.Has(slot))
            {
                return true;
            }
        }

        return false;
    }

    private static string? CanonicalValue(FieldSlotMap<object> values, int slot) =>
        slot >= 0 && values[slot] is { } value ? FieldValues.ToCanonical(value) : null;
}
