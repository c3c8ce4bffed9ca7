using System.Text.Json.Serialization;

namespace SpineMetsRegistry.Domain.Instruments.Change;

/// <summary>A measure whose change between two visits the registry scores.</summary>
public enum ChangeMeasure
{
    /// <summary>SOSGOQ 2.0 total, 0-100, higher is better (code <c>sosgoq_total</c>).</summary>
    [JsonStringEnumMemberName("sosgoq_total")]
    SosgoqTotal,

    /// <summary>EQ-5D index, higher is better (code <c>eq5d_index</c>).</summary>
    [JsonStringEnumMemberName("eq5d_index")]
    Eq5dIndex,

    /// <summary>NRS pain, 0-10, lower is better (code <c>nrs_pain</c>).</summary>
    [JsonStringEnumMemberName("nrs_pain")]
    NrsPain,
}

/// <summary>Which direction of a measure is better health.</summary>
public enum ScoreDirection
{
    /// <summary>A higher value is better health.</summary>
    HigherIsBetter,

    /// <summary>A lower value is better health.</summary>
    LowerIsBetter,
}

/// <summary>Responder classification against the minimal clinically important difference.</summary>
public enum ResponderStatus
{
    /// <summary>Improved by at least the MCID.</summary>
    Improved,

    /// <summary>Changed by less than the MCID either way.</summary>
    Stable,

    /// <summary>Worsened by at least the MCID.</summary>
    Worsened,
}

/// <summary>Codes and directions of the change measures.</summary>
public static class ChangeCodes
{
    /// <summary>Measure codes: <c>sosgoq_total|eq5d_index|nrs_pain</c>.</summary>
    public static CodeTable<ChangeMeasure> Measure { get; } = new("change measure");

    /// <summary>The better direction of a measure (only NRS pain is lower-is-better).</summary>
    /// <param name="measure">The measure.</param>
    public static ScoreDirection DirectionOf(ChangeMeasure measure) =>
        measure == ChangeMeasure.NrsPain ? ScoreDirection.LowerIsBetter : ScoreDirection.HigherIsBetter;
}
