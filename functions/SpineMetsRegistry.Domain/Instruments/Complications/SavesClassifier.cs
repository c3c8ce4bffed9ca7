using System.Globalization;

namespace SpineMetsRegistry.Domain.Instruments.Complications;

/// <summary>The recorded consequences of one adverse event.</summary>
/// <param name="TreatmentNeeded">True when the event needed treatment beyond minimal care.</param>
/// <param name="ExtraLengthOfStayDays">Days the event added to the hospital stay (0 or more).</param>
/// <param name="LongTermEffect">True when the event had an effect lasting more than 6 months.</param>
/// <param name="Death">True when the event caused death.</param>
public sealed record SavesComponents(bool TreatmentNeeded, int ExtraLengthOfStayDays, bool LongTermEffect, bool Death);

/// <summary>A SAVES grade and the rule that decided it.</summary>
/// <param name="Grade">The grade.</param>
/// <param name="Reason">Which component decided it.</param>
public sealed record SavesClassification(SavesGrade Grade, string Reason);

/// <summary>
/// Grades an adverse event from its consequences, following the Spine Adverse Events Severity
/// system, SAVES (Rampersaud YR et al., Spine 2010;35:790): IV death; III a long-term effect (over 6
/// months) or a stay increased by more than 7 days; II treatment needed or a stay increased by
/// 3-7 days; I otherwise (no or minimal treatment, stay increased by 2 days at most). The most
/// severe criterion met decides. Registry reading: "treatment and/or stay" in grades II and III
/// means either criterion suffices, with the length of stay separating II from III.
/// </summary>
public static class SavesClassifier
{
    /// <summary>The instrument.</summary>
    public static InstrumentInfo Instrument { get; } = new("SAVES", "2010", "Rampersaud YR et al. Spine 2010;35:790");

    /// <summary>Grades one adverse event.</summary>
    /// <param name="components">The event's consequences.</param>
    /// <returns>The grade, or "not computable" for a negative length-of-stay increase.</returns>
    public static ScoreResult<SavesClassification> Classify(SavesComponents components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var recorder = new ScoreRecorder(Instrument)
            .Input("treatmentNeeded", Flag(components.TreatmentNeeded))
            .Input("extraLengthOfStayDays", components.ExtraLengthOfStayDays.ToString(CultureInfo.InvariantCulture))
            .Input("longTermEffect", Flag(components.LongTermEffect))
            .Input("death", Flag(components.Death));
        if (components.ExtraLengthOfStayDays < 0)
        {
            return recorder.NotComputable<SavesClassification>(ScoreFailure.InvalidInput("extraLengthOfStayDays", "The length-of-stay increase cannot be negative."));
        }

        var classification = components switch
        {
            { Death: true } => new SavesClassification(SavesGrade.IV, "death"),
            { LongTermEffect: true } => new SavesClassification(SavesGrade.III, "long-term effect over 6 months"),
            { ExtraLengthOfStayDays: > 7 } => new SavesClassification(SavesGrade.III, "stay increased by more than 7 days"),
            { ExtraLengthOfStayDays: >= 3 } => new SavesClassification(SavesGrade.II, "stay increased by 3-7 days"),
            { TreatmentNeeded: true } => new SavesClassification(SavesGrade.II, "treatment needed"),
            _ => new SavesClassification(SavesGrade.I, "no or minimal treatment, stay increased by 2 days at most"),
        };
        return recorder.Computed(classification);
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
