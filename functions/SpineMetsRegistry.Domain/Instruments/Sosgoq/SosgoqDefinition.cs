namespace SpineMetsRegistry.Domain.Instruments.Sosgoq;

/// <summary>What a SOSGOQ scale is.</summary>
public enum SosgoqScaleKind
{
    /// <summary>A multi-item domain (physical function, pain, mental health, social function).</summary>
    Domain,

    /// <summary>A single item reported on its own (the neurological items: legs, arms, bowel, bladder).</summary>
    SingleItem,

    /// <summary>The total over all items.</summary>
    Total,
}

/// <summary>One questionnaire item of a SOSGOQ definition.</summary>
/// <param name="Code">Item code (e.g. <c>sosgoq_01</c>).</param>
/// <param name="ScaleCode">The domain or single-item scale the item belongs to.</param>
/// <param name="Reversed">True when the highest response level is the best health (reverse-scored item).</param>
public sealed record SosgoqItem(string Code, string ScaleCode, bool Reversed);

/// <summary>A domain or single item of a SOSGOQ definition.</summary>
/// <param name="Code">Scale code (e.g. <c>physical_function</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">Domain or single item.</param>
/// <param name="MinimumAnswered">Fewest answered items for which the scale is scored.</param>
/// <param name="ItemCodes">The scale's items, in definition order.</param>
public sealed record SosgoqScale(string Code, string Name, SosgoqScaleKind Kind, int MinimumAnswered, IReadOnlyList<string> ItemCodes);

/// <summary>
/// A versioned, data-driven SOSGOQ scoring definition (loaded from JSON by
/// <see cref="SosgoqDefinitionReader"/>): item codes, domain membership, reverse flags, minimum
/// answered items per scale and for the total, and the scoring rule. Item scoring is linear
/// 0-100 with 100 = best health: an item's score is
/// 100 x (distance of the answered level from the item's worst level) / (highest - lowest level).
/// A scale (and the total) is the mean of its answered items' scores, rounded half away from
/// zero to <see cref="Decimals"/> places, when at least its minimum number of items is answered.
/// </summary>
public sealed class SosgoqDefinition
{
    private readonly Dictionary<string, SosgoqItem> itemsByCode;

    internal SosgoqDefinition(
        string instrumentVersion,
        string definitionVersion,
        string status,
        string notice,
        IReadOnlyList<string> sources,
        int lowestLevel,
        int highestLevel,
        int bestLevel,
        int decimals,
        int totalMinimumAnswered,
        IReadOnlyList<SosgoqScale> scales,
        IReadOnlyList<SosgoqItem> items)
    {
        InstrumentVersion = instrumentVersion;
        DefinitionVersion = definitionVersion;
        Status = status;
        Notice = notice;
        Sources = sources;
        LowestLevel = lowestLevel;
        HighestLevel = highestLevel;
        BestLevel = bestLevel;
        Decimals = decimals;
        TotalMinimumAnswered = totalMinimumAnswered;
        Scales = scales;
        Items = items;
        itemsByCode = items.ToDictionary(i => i.Code, StringComparer.Ordinal);
    }

    /// <summary>Instrument version (e.g. <c>2.0</c>).</summary>
    public string InstrumentVersion { get; }

    /// <summary>Version of this scoring definition; recorded with every score.</summary>
    public string DefinitionVersion { get; }

    /// <summary>Status of the definition (e.g. <c>registry-default</c> or <c>official</c>).</summary>
    public string Status { get; }

    /// <summary>What the definition is and is not (the default says it is not the official map).</summary>
    public string Notice { get; }

    /// <summary>Publications the definition rests on.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Lowest response level (1).</summary>
    public int LowestLevel { get; }

    /// <summary>Highest response level (5).</summary>
    public int HighestLevel { get; }

    /// <summary>The response level that is the best health for an item that is not reversed.</summary>
    public int BestLevel { get; }

    /// <summary>Decimal places of reported scale and total scores.</summary>
    public int Decimals { get; }

    /// <summary>Fewest answered items (over the whole questionnaire) for which a total is scored.</summary>
    public int TotalMinimumAnswered { get; }

    /// <summary>Domains and single items, in definition order.</summary>
    public IReadOnlyList<SosgoqScale> Scales { get; }

    /// <summary>All items, in definition order.</summary>
    public IReadOnlyList<SosgoqItem> Items { get; }

    /// <summary>Finds an item by code (exact, ordinal).</summary>
    /// <param name="code">The item code.</param>
    /// <param name="item">The item when found.</param>
    /// <returns>True when the definition has the item.</returns>
    public bool TryGetItem(string code, out SosgoqItem item) => itemsByCode.TryGetValue(code, out item!);

    /// <summary>The 0-100 score of one answered item (100 = best health).</summary>
    /// <param name="item">An item of this definition.</param>
    /// <param name="level">The response level, <see cref="LowestLevel"/>..<see cref="HighestLevel"/>.</param>
    public decimal ItemScore(SosgoqItem item, int level)
    {
        ArgumentNullException.ThrowIfNull(item);
        var best = item.Reversed ? OppositeOf(BestLevel) : BestLevel;
        var worst = OppositeOf(best);
        return 100m * Math.Abs(level - worst) / (HighestLevel - LowestLevel);
    }

    private int OppositeOf(int level) => level == LowestLevel ? HighestLevel : LowestLevel;
}
