using System.Collections.Concurrent;

namespace SpineMetsRegistry.Domain.Instruments.Bilsky;

/// <summary>An ESCC grade with its low/high classification under the 1c policy in force.</summary>
/// <param name="Grade">The ESCC grade.</param>
/// <param name="Severity">Low or high grade.</param>
public sealed record BilskyClassification(BilskyGrade Grade, EsccSeverity Severity);

/// <summary>
/// Classes an ESCC grade as low or high grade. Source: Bilsky MH et al., J Neurosurg Spine
/// 2010;13(3):324-8. Grade 1c follows <see cref="BilskyGrade1cPolicy"/>, recorded with the result.
/// </summary>
public static class BilskyClassifier
{
    /// <summary>The instrument.</summary>
    public static InstrumentInfo Instrument { get; } = new(
        "Bilsky ESCC", "2010", "Bilsky MH et al. Reliability analysis of the epidural spinal cord compression scale. J Neurosurg Spine 2010;13(3):324-8");

    /// <summary>The severity of a grade under a 1c policy.</summary>
    /// <param name="grade">The grade.</param>
    /// <param name="policy">How 1c is classed.</param>
    public static EsccSeverity SeverityOf(BilskyGrade grade, BilskyGrade1cPolicy policy) => grade switch
    {
        BilskyGrade.Grade0 or BilskyGrade.Grade1a or BilskyGrade.Grade1b => EsccSeverity.LowGrade,
        BilskyGrade.Grade1c => policy == BilskyGrade1cPolicy.HighGrade ? EsccSeverity.HighGrade : EsccSeverity.LowGrade,
        BilskyGrade.Grade2 or BilskyGrade.Grade3 => EsccSeverity.HighGrade,
        _ => throw new ArgumentOutOfRangeException(nameof(grade)),
    };

    // The rule a classification records depends on the policy alone: built once per policy.
    private static readonly ConcurrentDictionary<BilskyGrade1cPolicy, ProvenanceMap<string>> RulesByPolicy = new();

    /// <summary>Classifies a recorded grade.</summary>
    /// <param name="grade">The grade, <c>null</c> when not recorded.</param>
    /// <param name="policy">How 1c is classed.</param>
    public static ScoreResult<BilskyClassification> Classify(BilskyGrade? grade, BilskyGrade1cPolicy policy)
    {
        var recorder = new ScoreRecorder(Instrument, null, RulesByPolicy.GetOrAdd(policy, RulesOf))
            .Input("grade", BilskyCodes.Grade.ToCodeOrNull(grade));
        return grade is { } g
            ? recorder.Computed(new BilskyClassification(g, SeverityOf(g, policy)))
            : recorder.Missing<BilskyClassification>();
    }

    private static ProvenanceMap<string> RulesOf(BilskyGrade1cPolicy policy) =>
        ScoreRecorder.RuleSet(("bilsky1cPolicy", BilskyCodes.Grade1cPolicy.ToCode(policy)));
}
