namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>
/// Names an instrument, the version of its definition the registry implements, and the
/// publication that defines it. Every <see cref="ScoreResult{TScore}"/> copies the name and
/// version so a stored score says exactly which rules produced it.
/// </summary>
/// <param name="Name">Short, stable instrument name (e.g. <c>SINS</c>, <c>EQ-5D-5L</c>).</param>
/// <param name="Version">Version of the instrument definition (e.g. <c>2010</c>, <c>revised-2005</c>).</param>
/// <param name="Citation">The source paper, with DOI where one exists.</param>
public sealed record InstrumentInfo(string Name, string Version, string Citation);
