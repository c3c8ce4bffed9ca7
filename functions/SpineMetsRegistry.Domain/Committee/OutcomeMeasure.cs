namespace SpineMetsRegistry.Domain.Committee;

/// <summary>
/// A patient-reported outcome the committee follows over time.
/// </summary>
/// <param name="Code">Stable code (score name or field code), e.g. "nrs_pain".</param>
/// <param name="Title">Title for people.</param>
/// <param name="HigherIsBetter">Whether a higher value is better health (false for NRS pain).</param>
/// <param name="Mcid">The minimal clinically important difference, or null when none is configured.</param>
public sealed record OutcomeMeasure(string Code, string Title, bool HigherIsBetter, decimal? Mcid)
{
    /// <summary>
    /// The measures with the registry's MCIDs (see <c>McidSettings</c>: NRS 2 points after Farrar
    /// et al., Pain 2001; EQ-5D index 0.074 after Walters and Brazier, Qual Life Res 2005; SOSGOQ 2.0
    /// total 10 points, a registry placeholder). The EQ VAS and the SOSGOQ 2.0 domains (physical
    /// function, pain, mental health, social function, scored by the configured definition; Janssen
    /// SJ et al., Spine J 2015) have no configured MCID.
    /// </summary>
    /// <param name="mcid">The MCIDs in force.</param>
    public static IReadOnlyList<OutcomeMeasure> Defaults(Instruments.Change.McidSettings mcid)
    {
        ArgumentNullException.ThrowIfNull(mcid);
        return
        [
            new("sosgoq_total", "SOSGOQ 2.0 total (0-100)", true, mcid.SosgoqTotal),
            new("eq5d_index", "EQ-5D index", true, mcid.Eq5dIndex),
            new("eq_vas", "EQ VAS (0-100)", true, null),
            new("nrs_pain", "NRS pain (0-10)", false, mcid.NrsPain),
            new("sosgoq_physical_function", "SOSGOQ 2.0 physical function (0-100)", true, null),
            new("sosgoq_pain", "SOSGOQ 2.0 pain (0-100)", true, null),
            new("sosgoq_mental_health", "SOSGOQ 2.0 mental health (0-100)", true, null),
            new("sosgoq_social_function", "SOSGOQ 2.0 social function (0-100)", true, null),
        ];
    }

    /// <summary>The change signed so that positive is better health.</summary>
    /// <param name="change">Follow-up minus baseline.</param>
    public decimal Improvement(decimal change) => HigherIsBetter ? change : -change;

    /// <summary>Whether a change reaches the MCID (an improvement at least the MCID); false when there is no MCID.</summary>
    /// <param name="change">Follow-up minus baseline.</param>
    public bool ReachesMcid(decimal change) => Mcid is { } m && Improvement(change) >= m;
}
