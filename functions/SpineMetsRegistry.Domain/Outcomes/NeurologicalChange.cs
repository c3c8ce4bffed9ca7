using SpineMetsRegistry.Domain.Instruments.Neurology;

namespace SpineMetsRegistry.Domain.Outcomes;

/// <summary>Change of an ordered neurological grade between baseline and a follow-up visit.</summary>
public enum GradeChange
{
    /// <summary>At least one grade better (towards E).</summary>
    Improved,

    /// <summary>The same grade.</summary>
    Unchanged,

    /// <summary>At least one grade worse (towards A).</summary>
    Worse,
}

/// <summary>
/// Classifies the change of the ASIA Impairment Scale (ISNCSCI, American Spinal Injury
/// Association) or the Frankel grade (Frankel HL et al., Paraplegia 1969;7(3):179-92) between
/// baseline and the 6-week visit. Both scales are ordered A (complete) to E (normal), so a move
/// towards E by any number of grades is an improvement. Patients without both grades are not
/// classified (complete pairs, like the paired PRO changes).
/// </summary>
public static class NeurologicalChange
{
    /// <summary>The codes of the classes: <c>improved</c>, <c>unchanged</c>, <c>worse</c>.</summary>
    /// <param name="change">The change.</param>
    public static string Code(GradeChange change) => change switch
    {
        GradeChange.Improved => "improved",
        GradeChange.Unchanged => "unchanged",
        _ => "worse",
    };

    /// <summary>ASIA grade change, null without both grades.</summary>
    /// <param name="baseline">Grade at baseline.</param>
    /// <param name="followUp">Grade at follow-up.</param>
    public static GradeChange? Classify(AsiaImpairmentScale? baseline, AsiaImpairmentScale? followUp) =>
        baseline is { } b && followUp is { } f ? Compare((int)b, (int)f) : null;

    /// <summary>Frankel grade change, null without both grades.</summary>
    /// <param name="baseline">Grade at baseline.</param>
    /// <param name="followUp">Grade at follow-up.</param>
    public static GradeChange? Classify(FrankelGrade? baseline, FrankelGrade? followUp) =>
        baseline is { } b && followUp is { } f ? Compare((int)b, (int)f) : null;

    private static GradeChange Compare(int baseline, int followUp) =>
        followUp > baseline ? GradeChange.Improved : followUp < baseline ? GradeChange.Worse : GradeChange.Unchanged;
}
