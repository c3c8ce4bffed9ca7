namespace SpineMetsRegistry.Domain.Batches;

/// <summary>
/// A problem with the file as a whole (encoding, header, emptiness). Any file problem
/// holds the whole batch: nothing from it is stored.
/// </summary>
/// <param name="Code">Stable problem code.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Row">The row concerned (the header is row 1), or 0 for the file itself.</param>
/// <param name="Column">The column concerned, if any.</param>
public sealed record FileProblem(string Code, string Message, int Row = 0, string? Column = null);
