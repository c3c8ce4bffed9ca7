namespace SpineMetsRegistry.Domain.Instruments.Sosgoq;

/// <summary>
/// Scores one row's SOSGOQ levels scale by scale into plain values, for a caller that keeps
/// only each scale's score and failure message (the record scorer): the same numbers and
/// messages as <see cref="SosgoqScorer"/>, without a scale object, a list of missing items, a
/// result or a recorded inputs map per row. Its provenance is the definition's, built once:
/// the instrument, the rules and the inputs' template.
/// </summary>
/// <remarks>
/// Only a row whose answered levels are all within the definition's range, with at least one
/// answered, is scored here (<see cref="TryItemScores"/>); any other row is for
/// <see cref="SosgoqScorer"/>, whose failure reports it.
/// </remarks>
internal sealed class SosgoqRowScorer
{
    private readonly SosgoqDefinition _definition;
    private readonly SosgoqScorer.Provenance _provenance;
    private readonly ScaleTemplate[] _scales;

    // True when every item's score at every level is a whole number (levels 1-5 score 0, 25,
    // 50, 75, 100): a scale's mean is then rounded with integer arithmetic instead of decimal
    // sums and a decimal division, to the same value and scale.
    private readonly bool _itemScoresWhole;
    private readonly long _decimalsFactor;

    /// <summary>Builds the scorer of one definition (once per scorer, not per row).</summary>
    public SosgoqRowScorer(SosgoqDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definition = definition;
        _provenance = SosgoqScorer.ProvenanceOf(definition);
        var scales = new ScaleTemplate[definition.Scales.Count + 1];
        for (var s = 0; s < definition.Scales.Count; s++)
        {
            var scale = definition.Scales[s];
            scales[s] = new(scale.Code, scale.Name, scale.ItemCodes.Count, _provenance.ScaleItemIndexes[s], scale.MinimumAnswered);
        }

        scales[^1] = new(SosgoqScorer.TotalCode, "Total", _provenance.ItemCodes.Count, _provenance.AllItemIndexes, definition.TotalMinimumAnswered);
        _scales = scales;
        _itemScoresWhole = AreWhole(definition, _provenance.ItemScores);
        _decimalsFactor = _itemScoresWhole ? (long)Math.Pow(10, definition.Decimals) : 0;
        Inputs = new LevelInputsTemplate(_provenance.ItemCodes, definition.LowestLevel, definition.HighestLevel);
    }

    /// <summary>The instrument every score of the definition names.</summary>
    public InstrumentInfo Instrument => _provenance.Instrument;

    /// <summary>The definition's version, recorded with every score.</summary>
    public string DefinitionVersion => _definition.DefinitionVersion;

    /// <summary>The rules every score of the definition records (shared, never changed).</summary>
    public IReadOnlyDictionary<string, string> Rules => _provenance.Rules;

    /// <summary>The inputs' template: item codes in definition order and each level's text.</summary>
    public LevelInputsTemplate Inputs { get; }

    /// <summary>The scales, then the total.</summary>
    public int ScaleCount => _scales.Length;

    /// <summary>The code of scale <paramref name="index"/> (<see cref="SosgoqScorer.TotalCode"/> last).</summary>
    public string ScaleCode(int index) => _scales[index].Code;

    /// <summary>
    /// Each item's score for one row's levels (in definition item order), or false when a level
    /// is outside the definition's range or none is answered (the general scorer reports those).
    /// </summary>
    public bool TryItemScores(ReadOnlySpan<int?> levels, Span<decimal?> itemScores)
    {
        if (levels.Length != _definition.Items.Count || itemScores.Length != levels.Length)
        {
            throw new ArgumentException("One level and one item score per item of the definition are expected.", nameof(levels));
        }

        var anyAnswered = false;
        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i] is not { } level)
            {
                itemScores[i] = null;
                continue;
            }

            if (level < _definition.LowestLevel || level > _definition.HighestLevel)
            {
                return false;
            }

            itemScores[i] = _provenance.ItemScores[i][level - _definition.LowestLevel];
            anyAnswered = true;
        }

        return anyAnswered;
    }

    /// <summary>
    /// Scale <paramref name="index"/>'s score from the row's item scores: the mean of its
    /// answered items, rounded as the definition says, or null with the message of too few
    /// answered (as <see cref="SosgoqScaleScore.Failure"/> gives it).
    /// </summary>
    public decimal? ScaleScore(int index, ReadOnlySpan<decimal?> itemScores, out string? failureMessage)
    {
        if (_itemScoresWhole)
        {
            return WholeScaleScore(index, itemScores, out failureMessage);
        }

        var scale = _scales[index];
        var answered = 0;
        var sum = 0m;
        for (var i = 0; i < scale.ItemCount; i++)
        {
            // Summed in the scale's item order, as the general scorer does.
            if (scale.ItemIndexes[i] >= 0 && itemScores[scale.ItemIndexes[i]] is { } itemScore)
            {
                answered++;
                sum += itemScore;
            }
        }

        if (answered < scale.MinimumAnswered)
        {
            failureMessage = SosgoqScorer.InsufficientItemsMessage(scale.Name, answered, scale.ItemCount, scale.MinimumAnswered);
            return null;
        }

        failureMessage = null;
        return DecimalRounding.HalfAwayFromZero(sum / answered, _definition.Decimals);
    }

    /// <summary>
    /// <see cref="ScaleScore"/> when every item score is whole: the sum S of n answered items in
    /// a long, and the mean rounded half away from zero to d decimals as
    /// floor((2·S·10^d + n) / 2n) units of 10^-d. The decimal path's quotient has 28 digits, far
    /// closer to S/n than S/n can be to a rounding midpoint it is not on (at least 1/(2n·10^d)
    /// away), so both round alike; the result has exactly d decimals, as DecimalRounding gives.
    /// </summary>
    private decimal? WholeScaleScore(int index, ReadOnlySpan<decimal?> itemScores, out string? failureMessage)
    {
        var scale = _scales[index];
        var answered = 0;
        var sum = 0L;
        for (var i = 0; i < scale.ItemCount; i++)
        {
            if (scale.ItemIndexes[i] >= 0 && itemScores[scale.ItemIndexes[i]] is { } itemScore)
            {
                answered++;
                sum += (long)itemScore;
            }
        }

        if (answered < scale.MinimumAnswered)
        {
            failureMessage = SosgoqScorer.InsufficientItemsMessage(scale.Name, answered, scale.ItemCount, scale.MinimumAnswered);
            return null;
        }

        if (answered == 0)
        {
            // As the decimal path would: a mean of nothing is a division by zero.
            throw new DivideByZeroException();
        }

        failureMessage = null;
        var units = checked((2 * sum * _decimalsFactor) + answered) / (2L * answered);
        return new decimal((int)(units & 0xFFFFFFFF), (int)(units >> 32), 0, false, (byte)_definition.Decimals);
    }

    /// <summary>True when every item score is whole (0 to 100) and the scaled sums fit a long.</summary>
    private static bool AreWhole(SosgoqDefinition definition, decimal[][] itemScores)
    {
        // Twice the sum of every item at 100, times 10^decimals, must fit a long.
        const int MaxDecimals = 9;
        const int MaxItems = 10_000;
        if (definition.Decimals is < 0 or > MaxDecimals || itemScores.Length > MaxItems)
        {
            return false;
        }

        foreach (var levels in itemScores)
        {
            foreach (var score in levels)
            {
                if (score != decimal.Truncate(score) || score is < 0 or > 100)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>One scale's (or the total's) shape: where its items sit and how many must be answered.</summary>
    private sealed record ScaleTemplate(string Code, string Name, int ItemCount, int[] ItemIndexes, int MinimumAnswered);
}
