using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>
/// A row's values by field slot behave as the hash table per row they replace: the same
/// lookups, the same count and the same enumeration order, whatever is set, overwritten and removed.
/// </summary>
public sealed class FieldSlotMapTests
{
    private static readonly DataDictionary Dictionary = DataDictionary.Default;
    private static readonly FieldSlots Slots = FieldSlots.Of(Dictionary);

    [Fact]
    public void Of_SameDictionary_OneSlotPerFieldInDictionaryOrder()
    {
        Assert.Same(Slots, FieldSlots.Of(Dictionary));
        Assert.Equal(Dictionary.Fields.Count, Slots.Count);
        for (var slot = 0; slot < Slots.Count; slot++)
        {
            Assert.Same(Dictionary.Fields[slot], Slots.Field(slot));
            Assert.True(Slots.TryGetSlot(Dictionary.Fields[slot].Code, out var found));
            Assert.Equal(slot, found);
        }

        Assert.False(Slots.TryGetSlot("not_a_field", out _));
        Assert.False(Slots.TryGetSlot(Dictionary.Fields[0].Code.ToUpperInvariant(), out _));
    }

    [Fact]
    public void SetAndRemove_GeneratedSequences_SameAsADictionaryFilledTheSameWay()
    {
        var random = new Random(15);
        for (var run = 0; run < 300; run++)
        {
            var map = new FieldSlotMap<string>(Slots);
            var expected = new Dictionary<string, string>(StringComparer.Ordinal);

            // Set (new or again) in any order, then remove some, as validation does: nothing is
            // set again after a removal.
            var sets = random.Next(0, 2 * Slots.Count);
            for (var i = 0; i < sets; i++)
            {
                var slot = random.Next(Slots.Count);
                var value = $"v{run}-{i}";
                map.Set(slot, value);
                expected[Slots.Code(slot)] = value;
            }

            var removals = random.Next(0, 6);
            for (var i = 0; i < removals; i++)
            {
                var slot = random.Next(Slots.Count);
                map.Remove(slot);
                expected.Remove(Slots.Code(slot));
            }

            Assert.Equal(expected.Count, map.Count);
            Assert.Equal(expected.ToList(), map.ToList());
            Assert.Equal(expected.Keys, map.Keys);
            Assert.Equal(expected.Values, map.Values);
            for (var slot = 0; slot < Slots.Count; slot++)
            {
                var code = Slots.Code(slot);
                Assert.Equal(expected.ContainsKey(code), map.ContainsKey(code));
                Assert.Equal(expected.ContainsKey(code), map.Has(slot));
                Assert.Equal(expected.GetValueOrDefault(code), map.TryGetValue(code, out var value) ? value : null);
                Assert.Equal(expected.GetValueOrDefault(code), map[slot]);
            }

            for (var i = 0; i < map.Count; i++)
            {
                Assert.Equal(expected.Keys.ElementAt(i), Slots.Code(map.SlotAt(i)));
            }
        }
    }

    [Fact]
    public void Clear_ThenFilledAgain_SameAsANewMapFilledTheSameWay()
    {
        var random = new Random(16);
        var reused = new FieldSlotMap<string>(Slots);
        for (var run = 0; run < 200; run++)
        {
            reused.Clear();
            Assert.Empty(reused);
            Assert.All(Enumerable.Range(0, Slots.Count), slot => Assert.False(reused.Has(slot)));

            var fresh = new FieldSlotMap<string>(Slots);
            var sets = random.Next(0, Slots.Count);
            for (var i = 0; i < sets; i++)
            {
                var slot = random.Next(Slots.Count);
                reused.Set(slot, $"v{run}-{i}");
                fresh.Set(slot, $"v{run}-{i}");
            }

            Assert.Equal(fresh.ToList(), reused.ToList());
            for (var slot = 0; slot < Slots.Count; slot++)
            {
                Assert.Equal(fresh[slot], reused[slot]);
            }
        }
    }

    [Fact]
    public void Indexer_UnknownOrUnsetCode_KeyNotFound()
    {
        var map = new FieldSlotMap<object>(Slots);
        map.Set(0, "x");

        Assert.Equal("x", map[Slots.Code(0)]);
        Assert.Throws<KeyNotFoundException>(() => map[Slots.Code(1)]);
        Assert.Throws<KeyNotFoundException>(() => map["not_a_field"]);
        Assert.False(map.ContainsKey("not_a_field"));
    }

    [Fact]
    public void Set_MoreValuesThanTheCapacity_RefusedAndTheMapUnchanged()
    {
        var map = new FieldSlotMap<string>(Slots, capacity: 2);
        map.Set(0, "a");
        map.Set(1, "b");
        map.Set(1, "b2"); // a set slot keeps its place: no room needed
        Assert.Throws<InvalidOperationException>(() => map.Set(2, "c"));
        Assert.Equal([Slots.Code(0), Slots.Code(1)], map.Keys);
        Assert.Equal(["a", "b2"], map.Values);

        map.Remove(0);
        map.Set(2, "c");
        Assert.Equal([Slots.Code(1), Slots.Code(2)], map.Keys);
    }
}
