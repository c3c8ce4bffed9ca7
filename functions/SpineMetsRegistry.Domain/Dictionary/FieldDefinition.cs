namespace SpineMetsRegistry.Domain.Dictionary;

/// <summary>One field of the data dictionary: everything needed to parse, validate, store,
/// document and export it.</summary>
public sealed record FieldDefinition
{
    /// <summary>The field code: the CSV column name / JSON key (lower case, REDCap-compatible).</summary>
    public required string Code { get; init; }

    /// <summary>Human label.</summary>
    public required string Label { get; init; }

    /// <summary>Value type.</summary>
    public required FieldType Type { get; init; }

    /// <summary>Record types (codes) this field belongs to.</summary>
    public required IReadOnlyList<string> RecordTypes { get; init; }

    /// <summary>When the field must be present.</summary>
    public required FieldRequirement Requirement { get; init; }

    /// <summary>Longer explanation for people, or null.</summary>
    public string? Description { get; init; }

    /// <summary>Unit of measurement (e.g. "g/L", "years"), or null.</summary>
    public string? Unit { get; init; }

    /// <summary>Inclusive minimum for numeric and age fields.</summary>
    public decimal? Min { get; init; }

    /// <summary>Inclusive maximum for numeric and age fields.</summary>
    public decimal? Max { get; init; }

    /// <summary>Values must be multiples of this step (e.g. KPS in steps of 10).</summary>
    public decimal? Step { get; init; }

    /// <summary>Lower maxima that apply when another field has given values (EQ-5D-3L levels 1-3).</summary>
    public IReadOnlyList<ConditionalMaximum> MaxWhen { get; init; } = [];

    /// <summary>For age fields: the literal that stands for every age above <see cref="Max"/> (e.g. "90+").</summary>
    public string? TopCode { get; init; }

    /// <summary>Maximum length of a text value.</summary>
    public int? MaxLength { get; init; }

    /// <summary>The code list of a code or level-list field.</summary>
    public CodeList? CodeList { get; init; }

    /// <summary>Whether the field holds free text written by people (scanned most strictly by the de-identification gate).</summary>
    public bool FreeText { get; init; }

    /// <summary>Instruments this field feeds (e.g. "sins", "eq5d").</summary>
    public IReadOnlyList<string> Instruments { get; init; } = [];

    /// <summary>Whether the field belongs to the given record type.</summary>
    public bool AppliesTo(string recordType) => OrdinalLists.Contains(RecordTypes, recordType);

    /// <summary>The maximum that applies given the record's other values.</summary>
    public decimal? EffectiveMax(Func<string, string?> valueOf)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        for (var i = 0; i < MaxWhen.Count; i++)
        {
            var conditional = MaxWhen[i];
            if (conditional.Condition.IsSatisfiedBy(valueOf(conditional.Condition.Field)))
            {
                return conditional.Max;
            }
        }

        return Max;
    }
}

/// <summary>A maximum that replaces the field's own when <paramref name="Condition"/> holds.</summary>
public sealed record ConditionalMaximum(FieldCondition Condition, decimal Max);
