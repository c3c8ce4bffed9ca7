using System.Runtime.CompilerServices;

namespace SpineMetsRegistry.Domain.Instruments.Eq5d;

/// <summary>
/// Computes the EQ-5D index of a health state under a value set. All five dimensions are
/// required: a response with any dimension missing has no index (no imputation).
/// Instruments: EQ-5D-3L (EuroQol Group, Health Policy 1990;16(3):199-208) and EQ-5D-5L
/// (Herdman M et al., Qual Life Res 2011;20(10):1727-36). Value sets carry their own citation.
/// </summary>
public static class Eq5dIndexCalculator
{
    /// <summary>The EQ-5D-3L instrument.</summary>
    public static InstrumentInfo ThreeLevel { get; } = new(
        "EQ-5D-3L", "3L", "EuroQol Group. EuroQol - a new facility for the measurement of health-related quality of life. Health Policy 1990;16(3):199-208");

    /// <summary>The EQ-5D-5L instrument.</summary>
    public static InstrumentInfo FiveLevel { get; } = new(
        "EQ-5D-5L", "5L", "Herdman M et al. Development and preliminary testing of the new five-level version of EQ-5D (EQ-5D-5L). Qual Life Res 2011;20(10):1727-36");

    // The rules an index records are the same for every row under one value set: built once.
    private static readonly ConditionalWeakTable<Eq5dValueSet, ProvenanceMap<string>> RulesByValueSet = [];

    /// <summary>The instrument of a version.</summary>
    /// <param name="version">The EQ-5D version.</param>
    public static InstrumentInfo InstrumentFor(Eq5dVersion version) => version == Eq5dVersion.ThreeLevel ? ThreeLevel : FiveLevel;

    /// <summary>Scores a complete health state.</summary>
    /// <param name="valueSet">The value set (must be for the state's version).</param>
    /// <param name="state">The health state.</param>
    /// <returns>The index, or "not computable" when the value set is for another version.</returns>
    public static ScoreResult<Eq5dIndexScore> Score(Eq5dValueSet valueSet, Eq5dHealthState state)
    {
        ArgumentNullException.ThrowIfNull(valueSet);
        ArgumentNullException.ThrowIfNull(state);
        var recorder = Recorder(valueSet, state.Version);
        foreach (var dimension in Eq5dCodes.Dimensions)
        {
            recorder.Input(Eq5dCodes.Dimension.ToCode(dimension), state.LevelOf(dimension).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return Score(recorder, valueSet, state);
    }

    /// <summary>Scores a stored response, which may have missing dimensions.</summary>
    /// <param name="valueSet">The value set (must be for the response's version).</param>
    /// <param name="response">The response.</param>
    /// <returns>The index, or "not computable" naming the missing or invalid dimensions.</returns>
    public static ScoreResult<Eq5dIndexScore> Score(Eq5dValueSet valueSet, Eq5dResponse response)
    {
        ArgumentNullException.ThrowIfNull(valueSet);
        ArgumentNullException.ThrowIfNull(response);
        var recorder = Recorder(valueSet, response.Version);
        var levels = response.Levels;
        for (var i = 0; i < levels.Count; i++)
        {
            recorder.Input(Eq5dCodes.Dimension.ToCode((Eq5dDimension)i), levels[i]?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (HasMissing(levels))
        {
            return recorder.NotComputable<Eq5dIndexScore>(ScoreFailure.MissingInputs(
                InstrumentFor(response.Version).Name + " index", recorder.MissingInputs()));
        }

        var answered = new int[levels.Count];
        for (var i = 0; i < answered.Length; i++)
        {
            answered[i] = levels[i]!.Value;
        }

        var state = Eq5dHealthState.FromLevels(response.Version, answered);
        return state.TryGetValue(out var parsed)
            ? Score(recorder, valueSet, parsed)
            : recorder.NotComputable<Eq5dIndexScore>(ScoreFailure.InvalidInput("state", state.Error!.Message));
    }

    private static bool HasMissing(IReadOnlyList<int?> levels)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i] is null)
            {
                return true;
            }
        }

        return false;
    }

    private static ScoreRecorder Recorder(Eq5dValueSet valueSet, Eq5dVersion version) =>
        new(InstrumentFor(version), valueSet.Label, RulesFor(valueSet));

    /// <summary>The rules every index under <paramref name="valueSet"/> records, built once per value set.</summary>
    internal static ProvenanceMap<string> RulesFor(Eq5dValueSet valueSet) => RulesByValueSet.GetValue(valueSet, RulesOf);

    private static ProvenanceMap<string> RulesOf(Eq5dValueSet valueSet) => ScoreRecorder.RuleSet(
        ("valueSet", valueSet.Name),
        ("valueSetSource", $"{valueSet.Citation} doi:{valueSet.Doi}"),
        ("rounding", "3 decimals, half away from zero, after summing"));

    private static ScoreResult<Eq5dIndexScore> Score(ScoreRecorder recorder, Eq5dValueSet valueSet, Eq5dHealthState state)
    {
        if (valueSet.Version != state.Version)
        {
            return recorder.NotComputable<Eq5dIndexScore>(ScoreFailure.InvalidInput(
                "valueSet",
                $"Value set {valueSet.Label} cannot score an EQ-5D-{Eq5dCodes.Version.ToCode(state.Version)} state."));
        }

        return recorder.Computed(new Eq5dIndexScore(
            state.Code, Eq5dCodes.Version.ToCode(state.Version), valueSet.Name, valueSet.Doi, valueSet.Index(state)));
    }
}
