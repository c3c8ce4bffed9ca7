using SpineMetsRegistry.Domain.Deidentification;

namespace SpineMetsRegistry.Domain.Tests.Deidentification;

/// <summary>
/// One labelled cell of a corpus table. <see cref="Truth"/> is what the cell really contains
/// (category codes joined by '+', or <c>none</c>); <see cref="Scanner"/> is what the scanner is
/// documented to report, equal to the truth except for known, documented deviations.
/// </summary>
public sealed record CorpusCell(
    string File,
    int Line,
    string Field,
    FieldContentKind Kind,
    string Value,
    IReadOnlySet<string> Truth,
    IReadOnlySet<string> Scanner,
    string Note)
{
    /// <summary>The kind code of a cell in a column the data dictionary does not know (scanned through the gate).</summary>
    public const string UnknownColumnKind = "unknown";

    /// <summary>Whether the cell sits in a column the registry does not know; the gate scans such text loosely.</summary>
    public bool InUnknownColumn { get; init; }

    public const string None = "none";

    public bool IsIdentifier => Truth.Count > 0;

    public bool IsKnownDeviation => !Truth.SetEquals(Scanner);

    public static IReadOnlyList<CorpusCell> Load(string fileName = "corpus.csv") =>
        CsvTable.Read(fileName)
            .Select((row, index) => new CorpusCell(
                fileName,
                index + 2,
                row["field"],
                row["kind"] switch
                {
                    "free_text" => FieldContentKind.FreeText,
                    "structured" => FieldContentKind.Structured,
                    "date" => FieldContentKind.Date,
                    UnknownColumnKind => FieldContentKind.FreeText,
                    var other => throw new InvalidDataException($"Unknown kind '{other}'."),
                },
                row["value"],
                Categories(row["truth"]),
                row["scanner"].Length == 0 ? Categories(row["truth"]) : Categories(row["scanner"]),
                row["note"])
            {
                InUnknownColumn = row["kind"] == UnknownColumnKind,
            })
            .ToList();

    private static HashSet<string> Categories(string verdict) =>
        verdict == None ? [] : verdict.Split('+').ToHashSet(StringComparer.Ordinal);

    // xUnit shows this in the test name: file, line and note only, so the runner's output lists
    // no synthetic identifier verbatim.
    public override string ToString() => $"{File} line {Line}: {Note}";
}
