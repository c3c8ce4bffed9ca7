using SpineMetsRegistry.Domain.Instruments.Anatomy;

namespace SpineMetsRegistry.Domain.Instruments.Sins;

/// <summary>
/// Derives the SINS location class from the vertebral level, as tabulated by Fisher CG et al.,
/// Spine 2010;35(22):E1221-9: junctional occiput-C2, C7-T2, T11-L1, L5-S1; mobile C3-C6,
/// L2-L4; semirigid T3-T10; rigid S2-S5. Every registry level falls in exactly one class.
/// </summary>
public static class SinsLocationMap
{
    /// <summary>The location class of a level.</summary>
    /// <param name="level">A vertebral level.</param>
    public static SinsLocation LocationOf(VertebralLevel level) => (level.Region, level.Number) switch
    {
        (SpinalRegion.Cervical, <= 2) => SinsLocation.Junctional,
        (SpinalRegion.Cervical, <= 6) => SinsLocation.Mobile,
        (SpinalRegion.Cervical, _) => SinsLocation.Junctional,
        (SpinalRegion.Thoracic, <= 2) => SinsLocation.Junctional,
        (SpinalRegion.Thoracic, <= 10) => SinsLocation.Semirigid,
        (SpinalRegion.Thoracic, _) => SinsLocation.Junctional,
        (SpinalRegion.Lumbar, 1) => SinsLocation.Junctional,
        (SpinalRegion.Lumbar, <= 4) => SinsLocation.Mobile,
        (SpinalRegion.Lumbar, _) => SinsLocation.Junctional,
        (SpinalRegion.Sacral, 1) => SinsLocation.Junctional,
        (SpinalRegion.Sacral, _) => SinsLocation.Rigid,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown spinal region."),
    };
}
