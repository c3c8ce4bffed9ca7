namespace SpineMetsRegistry.Domain.Instruments.Eq5d;

/// <summary>
/// The EQ-5D index of one row's complete response under one value set, looked up instead of
/// summed: every state's index is computed once, by <see cref="Eq5dValueSet.Index"/> (243
/// states for 3L, 3,125 for 5L), with the provenance every row's index shares (instrument,
/// value set label, rules, the inputs' template). Same index as
/// <see cref="Eq5dIndexCalculator"/>; a row with a missing or invalid level is for it.
/// </summary>
internal sealed class Eq5dRowScorer
{
    private const int DimensionCount = 5;

    private readonly int _levelCount;

    // Each state's index, by state number (the levels as base-L digits, MO first).
    private readonly decimal[] _indexes;

    /// <summary>Computes every state's index under <paramref name="valueSet"/> (once per scorer and version).</summary>
    public Eq5dRowScorer(Eq5dValueSet valueSet)
    {
        ArgumentNullException.ThrowIfNull(valueSet);
        Version = valueSet.Version;
        _levelCount = Eq5dCodes.LevelCount(Version);
        Instrument = Eq5dIndexCalculator.InstrumentFor(Version);
        Definition = valueSet.Label;
        Rules = Eq5dIndexCalculator.RulesFor(valueSet);
        Inputs = new LevelInputsTemplate(
            Enumerable.Range(0, DimensionCount).Select(i => Eq5dCodes.Dimension.ToCode((Eq5dDimension)i)), 1, _levelCount);
        _indexes = new decimal[checked((int)Math.Pow(_levelCount, DimensionCount))];
        foreach (var state in Eq5dHealthState.All(Version))
        {
            _indexes[StateNumber(state.Code)] = valueSet.Index(state);
        }
    }

    /// <summary>The version of the value set (the only version scored here).</summary>
    public Eq5dVersion Version { get; }

    /// <summary>The instrument of the version.</summary>
    public InstrumentInfo Instrument { get; }

    /// <summary>The value set's label, recorded as the index's definition.</summary>
    public string Definition { get; }

    /// <summary>The rules every index under the value set records (shared, never changed).</summary>
    public IReadOnlyDictionary<string, string> Rules { get; }

    /// <summary>The inputs' template: the dimension codes (MO, SC, UA, PD, AD) and each level's text.</summary>
    public LevelInputsTemplate Inputs { get; }

    /// <summary>
    /// The index of a complete response (five levels, MO first, each from 1 to the version's
    /// level count), or false for any other response (the calculator says why it has none).
    /// </summary>
    public bool TryIndex(ReadOnlySpan<int?> levels, out decimal index)
    {
        index = default;
        if (levels.Length != DimensionCount)
        {
            return false;
        }

        var number = 0;
        foreach (var level in levels)
        {
            if (level is not { } l || l < 1 || l > _levelCount)
            {
                return false;
            }

            number = (number * _levelCount) + (l - 1);
        }

        index = _indexes[number];
        return true;
    }

    private int StateNumber(string code)
    {
        var number = 0;
        foreach (var digit in code)
        {
            number = (number * _levelCount) + (digit - '1');
        }

        return number;
    }
}
