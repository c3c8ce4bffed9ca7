namespace SpineMetsRegistry.Domain.Committee;

/// <summary>
/// A count of patients by category that the committee's clinical tables publish: every patient
/// falls into at most one category of a tally, so the categories add up to the tally's total,
/// and the total is a part of its <see cref="Parent"/> count (enrolled patients, or the living
/// patients seen at a time point). Both relations are audited by the <see cref="DisclosureGrid"/>.
/// </summary>
/// <param name="Name">Stable name, e.g. <c>neuro.asia</c> or <c>ambulatory.26w</c>.</param>
/// <param name="Parent">The grid measure the tally is a part of (<c>enrolled</c> or <c>visits.&lt;time point&gt;.alive</c>).</param>
/// <param name="Categories">The categories, in display order (every one is published, zeros included).</param>
public sealed record ClinicalTally(string Name, string Parent, IReadOnlyList<string> Categories)
{
    /// <summary>ASIA Impairment Scale change, baseline to 6 weeks (<see cref="Outcomes.NeurologicalChange"/>).</summary>
    public static ClinicalTally AsiaChange { get; } = new("neuro.asia", "enrolled", GradeChanges);

    /// <summary>Frankel grade change, baseline to 6 weeks (<see cref="Outcomes.NeurologicalChange"/>).</summary>
    public static ClinicalTally FrankelChange { get; } = new("neuro.frankel", "enrolled", GradeChanges);

    /// <summary>The worst SAVES grade recorded at any follow-up visit (SAVES, Rampersaud YR et al., Spine 2010;35:790): none, I to IV.</summary>
    public static ClinicalTally WorstSaves { get; } = new("saves.worst", "enrolled", ["none", "I", "II", "III", "IV"]);

    /// <summary>The tally of ambulatory status at a time point (baseline: the enrollment record; later: living patients' visits).</summary>
    /// <param name="timePoint">Time point code.</param>
    public static ClinicalTally Ambulatory(string timePoint) => new(
        "ambulatory." + timePoint,
        timePoint == CommitteeDimensions.TimePoints[0] ? "enrolled" : $"visits.{timePoint}.alive",
        ["independent", "assisted", "non_ambulatory"]);

    /// <summary>The tally of first-year QALY results under a missing-visit policy: with a QALY, or the reason there is none.</summary>
    /// <param name="policy">The policy.</param>
    public static ClinicalTally Qaly(Outcomes.MissingVisitPolicy policy) => new(
        "qaly." + QalyPolicyCode(policy),
        "enrolled",
        policy == Outcomes.MissingVisitPolicy.CompleteCase
            ? [WithQaly, Outcomes.QalyResult.MissingBaseline, Outcomes.QalyResult.MissingVisit, Outcomes.QalyResult.IncompleteFollowUp]
            : [WithQaly, Outcomes.QalyResult.MissingBaseline, Outcomes.QalyResult.IncompleteFollowUp]);

    /// <summary>The category of a patient with a QALY.</summary>
    public const string WithQaly = "with_qaly";

    /// <summary>The QALY policies published, complete case first.</summary>
    public static IReadOnlyList<Outcomes.MissingVisitPolicy> QalyPolicies { get; } =
        [Outcomes.MissingVisitPolicy.CompleteCase, Outcomes.MissingVisitPolicy.LastObservationCarriedForward];

    /// <summary>Every tally, in publishing order.</summary>
    public static IReadOnlyList<ClinicalTally> All { get; } =
    [
        AsiaChange,
        FrankelChange,
        .. CommitteeDimensions.TimePoints.Select(Ambulatory),
        WorstSaves,
        .. QalyPolicies.Select(Qaly),
    ];

    /// <summary>The stable code of a missing-visit policy (<c>complete_case</c>, <c>locf</c>).</summary>
    /// <param name="policy">The policy.</param>
    public static string QalyPolicyCode(Outcomes.MissingVisitPolicy policy) =>
        policy == Outcomes.MissingVisitPolicy.CompleteCase ? "complete_case" : "locf";

    private static IReadOnlyList<string> GradeChanges => ["improved", "unchanged", "worse"];
}
