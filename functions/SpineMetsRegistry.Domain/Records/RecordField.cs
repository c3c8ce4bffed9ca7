using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Records;

/// <summary>
/// A field code that a hot reader (the scorer reads over 40 fields of every enrollment) reads
/// from many records: resolved to its slot once per data dictionary, so a validated record,
/// whose values are held by slot, is read without a hash lookup per field. A record whose
/// values are held otherwise is read by code, with the same result.
/// </summary>
internal sealed class RecordField
{
    // The slots the code was last resolved against and its slot there (-1: the dictionary
    // lacks the field), replaced whole so that threads sharing the field never pair one
    // dictionary's slots with another's slot.
    private Resolution? _resolution;

    /// <summary>Creates a field reader for a code.</summary>
    public RecordField(string code)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        Code = code;
    }

    /// <summary>The field code.</summary>
    public string Code { get; }

    /// <summary>The field's value in <paramref name="values"/>, or null when it has none.</summary>
    public object? ValueIn(IReadOnlyDictionary<string, object> values)
    {
        if (values is FieldSlotMap<object> map)
        {
            var slot = SlotIn(map.Slots);
            return slot >= 0 ? map[slot] : null;
        }

        return values.TryGetValue(Code, out var value) ? value : null;
    }

    private int SlotIn(FieldSlots slots)
    {
        var resolution = _resolution;
        if (resolution is null || !ReferenceEquals(resolution.Slots, slots))
        {
            resolution = new Resolution(slots, slots.TryGetSlot(Code, out var slot) ? slot : -1);
            _resolution = resolution;
        }

        return resolution.Slot;
    }

    /// <inheritdoc />
    public override string ToString() => Code;

    private sealed record Resolution(FieldSlots Slots, int Slot);
}
