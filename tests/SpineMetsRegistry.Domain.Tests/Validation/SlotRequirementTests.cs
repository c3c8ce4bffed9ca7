using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Synthetic;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>
/// A requirement compiled by slot (<see cref="SlotRequirement"/>) resolves to what
/// <see cref="FieldRequirement.Resolve"/> gives for the same row, for every field of the
/// dictionary under every record type, and for requirements the dictionary does not use
/// (a condition limited to other record types, an alternative field, fields unknown to it).
/// </summary>
public sealed class SlotRequirementTests
{
    private static readonly DataDictionary Dictionary = DataDictionary.Default;
    private static readonly FieldSlots Slots = FieldSlots.Of(Dictionary);

    [Fact]
    public void Resolve_EveryFieldAndRecordTypeOverGeneratedRows_SameAsTheRequirement()
    {
        var requirements = Dictionary.Fields.Select(f => f.Requirement).ToList();
        var compared = CompareOverRows(requirements);
        Assert.True(compared > 50_000, $"{compared} compared");
    }

    [Fact]
    public void Resolve_RequirementsTheDictionaryDoesNotUse_SameAsTheRequirement()
    {
        var byType = new Dictionary<string, RequirementLevel> { ["followup"] = RequirementLevel.Recommended };
        FieldRequirement[] requirements =
        [
            new(RequirementLevel.Required, byType, new FieldCondition("vital_status", ["deceased"], ["enrollment"]), RequirementLevel.Forbidden, null, []),
            new(RequirementLevel.Required, byType, new FieldCondition("vital_status", ["alive", "deceased"]), RequirementLevel.Optional, "visit_day", []),
            new(RequirementLevel.Required, byType, new FieldCondition("no_such_field", ["x"]), RequirementLevel.Forbidden, null, []),
            new(RequirementLevel.Recommended, byType, null, RequirementLevel.Optional, "no_such_field", ["no_such_field", "eq5d_mo"]),
            new(RequirementLevel.Required, byType, new FieldCondition("nrs_pain", ["5"]), RequirementLevel.Forbidden, null, ["sosgoq_01"]),
            new(RequirementLevel.Required, byType, null, RequirementLevel.Optional, null, ["no_such_field"]),
            FieldRequirement.Of(RequirementLevel.Forbidden),
        ];
        var compared = CompareOverRows(requirements);
        Assert.True(compared > 5_000, $"{compared} compared");
    }

    private static int CompareOverRows(IReadOnlyList<FieldRequirement> requirements)
    {
        var rows = SyntheticCohortGenerator.Generate(new SyntheticCohortOptions
        {
            SiteCode = "S01",
            Patients = 120,
            AsOf = new DateOnly(2026, 11, 1),
            Seed = 9,
            DataErrorRate = 0.1,
        }).ToList();
        var random = new Random(9);
        var compared = 0;
        var levels = new HashSet<RequirementLevel>();
        foreach (var row in rows)
        {
            var (cells, values) = Typed(row, random);
            Func<string, bool> hasValue = cells.ContainsKey;
            Func<string, string?> valueOf = code => values.TryGetValue(code, out var value) ? FieldValues.ToCanonical(value) : null;
            foreach (var recordType in Dictionary.RecordTypes.Select(t => t.Code))
            {
                foreach (var requirement in requirements)
                {
                    var expected = requirement.Resolve(recordType, hasValue, valueOf);
                    var actual = SlotRequirement.Compile(requirement, recordType, Slot).Resolve(cells, values);
                    Assert.Equal(expected, actual);
                    levels.Add(expected);
                    compared++;
                }
            }
        }

        Assert.True(levels.Count >= 3, "the rows exercise too few levels: " + string.Join(", ", levels));
        return compared;
    }

    // A row's trimmed cells and the values the parser types, some cells dropped or spoilt.
    private static (FieldSlotMap<string> Cells, FieldSlotMap<object> Values) Typed(SyntheticRow row, Random random)
    {
        var cells = new FieldSlotMap<string>(Slots);
        var values = new FieldSlotMap<object>(Slots);
        foreach (var (code, raw) in row)
        {
            var text = random.Next(8) switch { 0 => string.Empty, 1 => "?", _ => raw.Trim() };
            if (text.Length == 0 || !Slots.TryGetSlot(code, out var slot))
            {
                continue;
            }

            Add(cells, values, slot, text);
        }

        // Cells the generator leaves empty (visit_day, an alternative to visit_date, among them).
        for (var extra = random.Next(4); extra > 0; extra--)
        {
            Add(cells, values, random.Next(Slots.Count), random.Next(2) == 0 ? "1" : "40");
        }

        return (cells, values);
    }

    private static void Add(FieldSlotMap<string> cells, FieldSlotMap<object> values, int slot, string text)
    {
        cells.Set(slot, text);
        var parsed = FieldValueParser.Parse(Slots.Field(slot), text);
        if (parsed.IsSuccess)
        {
            values.Set(slot, parsed.Value);
        }
        else
        {
            values.Remove(slot);
        }
    }

    private static int Slot(string code) => Slots.TryGetSlot(code, out var slot) ? slot : -1;
}
