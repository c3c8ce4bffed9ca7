namespace SpineMetsRegistry.Domain.Instruments.Change;

/// <summary>
/// Minimal clinically important difference per measure, in the measure's own units; part of
/// <see cref="InstrumentSettings"/>. The defaults are registry defaults for the steering
/// committee to confirm or replace:
/// NRS pain 2 points (the threshold commonly used for a clinically important change on the
/// 0-10 NRS, e.g. Farrar JT et al., Pain 2001;94(2):149-58, and the 2-point pain response of the
/// international consensus on palliative radiotherapy endpoints);
/// EQ-5D index 0.074 (Walters SJ, Brazier JE, Qual Life Res 2005;14(6):1523-32, derived for the
/// EQ-5D-3L UK tariff; applied to 5L value sets until the committee sets its own);
/// SOSGOQ 2.0 total 10 points (no published MCID for SOSGOQ 2.0 was found: a placeholder).
/// </summary>
public sealed class McidSettings
{
    /// <summary>MCID of the SOSGOQ 2.0 total (0-100 points). Default 10 (registry placeholder).</summary>
    public decimal SosgoqTotal { get; set; } = 10m;

    /// <summary>MCID of the EQ-5D index. Default 0.074.</summary>
    public decimal Eq5dIndex { get; set; } = 0.074m;

    /// <summary>MCID of NRS pain (points). Default 2.</summary>
    public decimal NrsPain { get; set; } = 2m;

    /// <summary>The MCID of a measure.</summary>
    /// <param name="measure">The measure.</param>
    public decimal For(ChangeMeasure measure) => measure switch
    {
        ChangeMeasure.SosgoqTotal => SosgoqTotal,
        ChangeMeasure.Eq5dIndex => Eq5dIndex,
        ChangeMeasure.NrsPain => NrsPain,
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };
}
