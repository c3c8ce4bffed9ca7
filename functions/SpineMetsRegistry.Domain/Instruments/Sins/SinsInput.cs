using SpineMetsRegistry.Domain.Instruments.Anatomy;

namespace SpineMetsRegistry.Domain.Instruments.Sins;

/// <summary>
/// The SINS components as recorded; <c>null</c> means not recorded. The location class is
/// derived from <see cref="Level"/>, never entered.
/// </summary>
/// <param name="Level">Vertebral level of the lesion being scored.</param>
/// <param name="Pain">Pain component.</param>
/// <param name="BoneLesion">Bone lesion quality.</param>
/// <param name="Alignment">Radiographic spinal alignment.</param>
/// <param name="Collapse">Vertebral body collapse.</param>
/// <param name="Posterolateral">Posterolateral involvement of spinal elements.</param>
public sealed record SinsInput(
    VertebralLevel? Level,
    SinsPain? Pain,
    SinsBoneLesion? BoneLesion,
    SinsAlignment? Alignment,
    SinsCollapse? Collapse,
    SinsPosterolateral? Posterolateral);
