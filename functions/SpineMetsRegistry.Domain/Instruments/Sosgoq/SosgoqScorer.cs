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
        var provenance = Provenances.GetValue(definition, Provenance.Of);
        var recorder = new ScoreRecorder(provenance.Instrument, definition.DefinitionVersion, definition.Items.Count)
            .Rule("definition", provenance.Definition)
            .Rule("itemScoring", provenance.ItemScoring)
            .Rule("scaleScoring", provenance.ScaleScoring);
        foreach (var item in definition.Items)
        {
            recorder.Input(item.Code, responses.TryGetValue(item.Code, out var level) ? level?.ToString(CultureInfo.InvariantCulture) : null);
        }

        // The lists of bad codes are made only when there is one (scoring runs on every row).
        List<string>? unknown = null;
        foreach (var code in responses.Keys)
        {
            if (!definition.TryGetItem(code, out _))
            {
                (unknown ??= []).Add(code);
            }
        }

        if (unknown is not null)
        {
            unknown.Sort(StringComparer.Ordinal);
            return recorder.NotComputable<SosgoqScores>(new ScoreFailure(
                ScoreFailure.InvalidInputCode,
                $"Unknown SOSGOQ item code(s) for definition {definition.DefinitionVersion}: {string.Join(", ", unknown)}.",
                unknown));
        }

        List<string>? outOfRange = null;
        foreach (var (code, response) in responses)
        {
            if (response is { } l && (l < definition.LowestLevel || l > definition.HighestLevel))
            {
                (outOfRange ??= []).Add(code);
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

        var itemScores = new Dictionary<string, decimal>(definition.Items.Count, StringComparer.Ordinal);
        foreach (var item in definition.Items)
        {
            if (responses.TryGetValue(item.Code, out var level) && level is { } answered)
            {
                itemScores.Add(item.Code, definition.ItemScore(item, answered));
            }
        }

        if (itemScores.Count == 0)
        {
            return recorder.Missing<SosgoqScores>();
        }

        var scales = definition.Scales
            .Select(scale => ScoreScale(definition, scale.Code, scale.Name, scale.Kind, scale.ItemCodes, scale.MinimumAnswered, itemScores))
            .ToList();
        var total = ScoreScale(definition, TotalCode, "Total", SosgoqScaleKind.Total, provenance.ItemCodes, definition.TotalMinimumAnswered, itemScores);
        return recorder.Computed(new SosgoqScores(scales, total));
    }

    private static SosgoqScaleScore ScoreScale(
        SosgoqDefinition definition,
        string code,
        string name,
        SosgoqScaleKind kind,
        IReadOnlyList<string> itemCodes,
        int minimumAnswered,
        Dictionary<string, decimal> itemScores)
    {
        var answered = 0;
        var sum = 0m;
        List<string>? missing = null;
        foreach (var itemCode in itemCodes)
        {
            if (itemScores.TryGetValue(itemCode, out var itemScore))
            {
                answered++;
                sum += itemScore;
            }
            else
            {
                (missing ??= []).Add(itemCode);
            }
        }

        var missingItems = missing ?? (IReadOnlyList<string>)[];
        if (answered < minimumAnswered)
        {
            var failure = ScoreFailure.InsufficientItems(
                string.Create(CultureInfo.InvariantCulture, $"{name}: {answered} of {itemCodes.Count} items answered; at least {minimumAnswered} required."),
                missingItems);
            return new SosgoqScaleScore(code, name, kind, null, answered, minimumAnswered, itemCodes.Count, missingItems, failure);
        }

        var mean = sum / answered;
        return new SosgoqScaleScore(
            code, name, kind, DecimalRounding.HalfAwayFromZero(mean, definition.Decimals), answered, minimumAnswered, itemCodes.Count, missingItems, null);
    }

    private sealed record Provenance(InstrumentInfo Instrument, string Definition, string ItemScoring, string ScaleScoring, IReadOnlyList<string> ItemCodes)
    {
        public static Provenance Of(SosgoqDefinition definition) => new(
            InstrumentFor(definition),
            $"{definition.DefinitionVersion} ({definition.Status})",
            $"{SosgoqDefinitionReader.LinearItemScoring}, level {definition.BestLevel} = 100 unless reversed",
            $"{SosgoqDefinitionReader.MeanOfAnsweredItems}, rounded to {definition.Decimals} decimals half away from zero",
            [.. definition.Items.Select(i => i.Code)]);
    }
}
