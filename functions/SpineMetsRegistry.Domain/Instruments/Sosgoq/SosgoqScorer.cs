using System.Globalization;
using System.Runtime.CompilerServices;

namespace SpineMetsRegistry.Domain.Instruments.Sosgoq;

/// <summary>
/// Scores a SOSGOQ questionnaire under a <see cref="SosgoqDefinition"/>. A missing item is
/// never scored as 0: it is left out of the means, and a scale (or the total) whose answered
/// items fall below its minimum has no score, with the missing items listed.
/// Instrument: SOSGOQ 2.0, Versteeg AL et al., Cancer 2018;124(8):1828-38.
/// </summary>
public static class SosgoqScorer
{
    /// <summary>Scale code of the total.</summary>
    public const string TotalCode = "total";

    // Item scores of up to this many items are kept on the stack while scoring (24 bytes each).
    private const int MaxItemsOnStack = 64;

    // What a definition's every score records (instrument and rule texts) is the same for every
    // row: built once per definition, not per scored record.
    private static readonly ConditionalWeakTable<SosgoqDefinition, Provenance> Provenances = [];

    /// <summary>The instrument of a definition.</summary>
    /// <param name="definition">The definition.</param>
    public static InstrumentInfo InstrumentFor(SosgoqDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new InstrumentInfo("SOSGOQ", definition.InstrumentVersion, string.Join(" | ", definition.Sources));
    }

    /// <summary>Scores the answered items.</summary>
    /// <param name="definition">The scoring definition.</param>
    /// <param name="responses">Item code to response level; an absent code or a <c>null</c> level is unanswered.</param>
    /// <returns>
    /// The scale and total scores, or "not computable" when an item code is unknown, a level is out of
    /// range, or no item is answered.
    /// </returns>
    public static ScoreResult<SosgoqScores> Score(SosgoqDefinition definition, IReadOnlyDictionary<string, int?> responses)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(responses);

        // The lists of bad codes are made only when there is one (scoring runs on every row).
        List<string>? unknown = null;
        foreach (var code in responses.Keys)
        {
            if (!definition.TryGetItem(code, out _))
            {
                (unknown ??= []).Add(code);
            }
        }

        var levels = new int?[definition.Items.Count];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = responses.TryGetValue(definition.Items[i].Code, out var level) ? level : null;
        }

        if (unknown is null)
        {
            return Score(definition, levels);
        }

        unknown.Sort(StringComparer.Ordinal);
        return RecorderFor(definition, levels).NotComputable<SosgoqScores>(new ScoreFailure(
            ScoreFailure.InvalidInputCode,
            $"Unknown SOSGOQ item code(s) for definition {definition.DefinitionVersion}: {string.Join(", ", unknown)}.",
            unknown));
    }

    /// <summary>
    /// Scores the levels of a definition's items given in its item order (<c>null</c> is
    /// unanswered): the same result as the dictionary overload without a dictionary per row.
    /// </summary>
    /// <param name="definition">The scoring definition.</param>
    /// <param name="levels">One level per item of <paramref name="definition"/>, in its item order.</param>
    internal static ScoreResult<SosgoqScores> Score(SosgoqDefinition definition, int?[] levels)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Length != definition.Items.Count)
        {
            throw new ArgumentException("One level per item of the definition is expected.", nameof(levels));
        }

        var recorder = RecorderFor(definition, levels);
        List<string>? outOfRange = null;
        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i] is { } l && (l < definition.LowestLevel || l > definition.HighestLevel))
            {
                (outOfRange ??= []).Add(definition.Items[i].Code);
            }
        }

        if (outOfRange is not null)
        {
            outOfRange.Sort(StringComparer.Ordinal);
            return recorder.NotComputable<SosgoqScores>(new ScoreFailure(
                ScoreFailure.InvalidInputCode,
                string.Create(CultureInfo.InvariantCulture, $"SOSGOQ response level outside {definition.LowestLevel}-{definition.HighestLevel} for: {string.Join(", ", outOfRange)}."),
                outOfRange));
        }

        // Each item's score per level is computed once per definition (the same decimal
        // ItemScore gives), not divided out again for every item of every row.
        var provenance = Provenances.GetValue(definition, Provenance.Of);
        // A questionnaire's item scores live for this call only: on the stack (a definition
        // with an unusually long item list gets an array), not one array per scored row.
        Span<decimal?> itemScores = levels.Length <= MaxItemsOnStack ? stackalloc decimal?[levels.Length] : new decimal?[levels.Length];
        var anyAnswered = false;
        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i] is { } answered)
            {
                itemScores[i] = provenance.ItemScores[i][answered - definition.LowestLevel];
                anyAnswered = true;
            }
        }

        if (!anyAnswered)
        {
            return recorder.Missing<SosgoqScores>();
        }

        var scales = new List<SosgoqScaleScore>(definition.Scales.Count);
        for (var s = 0; s < definition.Scales.Count; s++)
        {
            var scale = definition.Scales[s];
            scales.Add(ScoreScale(definition, scale.Code, scale.Name, scale.Kind, scale.ItemCodes, provenance.ScaleItemIndexes[s], scale.MinimumAnswered, itemScores));
        }

        var total = ScoreScale(definition, TotalCode, "Total", SosgoqScaleKind.Total, provenance.ItemCodes, provenance.AllItemIndexes, definition.TotalMinimumAnswered, itemScores);
        return recorder.Computed(new SosgoqScores(scales, total));
    }

    private static ScoreRecorder RecorderFor(SosgoqDefinition definition, int?[] levels)
    {
        var provenance = Provenances.GetValue(definition, Provenance.Of);
        var recorder = new ScoreRecorder(provenance.Instrument, definition.DefinitionVersion, provenance.Rules, definition.Items.Count);
        for (var i = 0; i < levels.Length; i++)
        {
            // A definition's item codes are distinct (its item index refuses duplicates).
            recorder.NewInput(definition.Items[i].Code, levels[i]?.ToString(CultureInfo.InvariantCulture));
        }

        return recorder;
    }

    private static SosgoqScaleScore ScoreScale(
        SosgoqDefinition definition,
        string code,
        string name,
        SosgoqScaleKind kind,
        IReadOnlyList<string> itemCodes,
        int[] itemIndexes,
        int minimumAnswered,
        ReadOnlySpan<decimal?> itemScores)
    {
        var answered = 0;
        var sum = 0m;
        List<string>? missing = null;
        for (var i = 0; i < itemCodes.Count; i++)
        {
            if (itemIndexes[i] >= 0 && itemScores[itemIndexes[i]] is { } itemScore)
            {
                answered++;
                sum += itemScore;
            }
            else
            {
                // Sized for the items left, so a mostly unanswered scale does not grow it step by step.
                (missing ??= new List<string>(itemCodes.Count - i)).Add(itemCodes[i]);
            }
        }

        var missingItems = missing ?? (IReadOnlyList<string>)[];
        if (answered < minimumAnswered)
        {
            var failure = ScoreFailure.InsufficientItems(InsufficientItemsMessage(name, answered, itemCodes.Count, minimumAnswered), missingItems);
            return new SosgoqScaleScore(code, name, kind, null, answered, minimumAnswered, itemCodes.Count, missingItems, failure);
        }

        var mean = sum / answered;
        return new SosgoqScaleScore(
            code, name, kind, DecimalRounding.HalfAwayFromZero(mean, definition.Decimals), answered, minimumAnswered, itemCodes.Count, missingItems, null);
    }

    /// <summary>The message of a scale (or the total) with too few items answered.</summary>
    internal static string InsufficientItemsMessage(string name, int answered, int itemCount, int minimumAnswered) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}: {answered} of {itemCount} items answered; at least {minimumAnswered} required.");

    /// <summary>What every score under <paramref name="definition"/> shares, built once per definition.</summary>
    internal static Provenance ProvenanceOf(SosgoqDefinition definition) => Provenances.GetValue(definition, Provenance.Of);

    /// <summary>
    /// What every score under one definition shares: the instrument, its rules, and where each
    /// scale's items sit in the definition's item order (-1 for a code the items lack, which
    /// then counts as unanswered, as a missing dictionary key did).
    /// </summary>
    internal sealed record Provenance(InstrumentInfo Instrument, ProvenanceMap<string> Rules, IReadOnlyList<string> ItemCodes, int[] AllItemIndexes, int[][] ScaleItemIndexes, decimal[][] ItemScores)
    {
        public static Provenance Of(SosgoqDefinition definition)
        {
            var itemCodes = definition.Items.Select(i => i.Code).ToArray();
            int[] IndexesOf(IReadOnlyList<string> codes) =>
                [.. codes.Select(code => Array.IndexOf(itemCodes, code))];
            return new(
                InstrumentFor(definition),
                ScoreRecorder.RuleSet(
                    ("definition", $"{definition.DefinitionVersion} ({definition.Status})"),
                    ("itemScoring", $"{SosgoqDefinitionReader.LinearItemScoring}, level {definition.BestLevel} = 100 unless reversed"),
                    ("scaleScoring", $"{SosgoqDefinitionReader.MeanOfAnsweredItems}, rounded to {definition.Decimals} decimals half away from zero")),
                itemCodes,
                IndexesOf(itemCodes),
                [.. definition.Scales.Select(scale => IndexesOf(scale.ItemCodes))],
                [.. definition.Items.Select(item => ItemScoresOf(definition, item))]);
        }

        /// <summary>An item's score at each level from the lowest to the highest (<see cref="SosgoqDefinition.ItemScore"/>).</summary>
        private static decimal[] ItemScoresOf(SosgoqDefinition definition, SosgoqItem item)
        {
            var scores = new decimal[definition.HighestLevel - definition.LowestLevel + 1];
            for (var level = definition.LowestLevel; level <= definition.HighestLevel; level++)
            {
                scores[level - definition.LowestLevel] = definition.ItemScore(item, level);
            }

            return scores;
        }
    }
}
