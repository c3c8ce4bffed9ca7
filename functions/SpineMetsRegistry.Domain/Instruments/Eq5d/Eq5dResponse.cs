namespace SpineMetsRegistry.Domain.Instruments.Eq5d;

/// <summary>
/// An EQ-5D descriptive-system response as stored, where any dimension may be missing
/// (<c>null</c>). An index needs all five: a response with a missing dimension has no index.
/// </summary>
/// <param name="Version">The EQ-5D version the response was collected with.</param>
/// <param name="Mobility">MO level.</param>
/// <param name="SelfCare">SC level.</param>
/// <param name="UsualActivities">UA level.</param>
/// <param name="PainDiscomfort">PD level.</param>
/// <param name="AnxietyDepression">AD level.</param>
public sealed record Eq5dResponse(
    Eq5dVersion Version,
    int? Mobility,
    int? SelfCare,
    int? UsualActivities,
    int? PainDiscomfort,
    int? AnxietyDepression)
{
    /// <summary>The levels in dimension order (MO, SC, UA, PD, AD).</summary>
    public IReadOnlyList<int?> Levels => [Mobility, SelfCare, UsualActivities, PainDiscomfort, AnxietyDepression];
}
