using SpineMetsRegistry.Domain.Tests.Deidentification;

namespace SpineMetsRegistry.EndToEnd.Tests.Reliability;

/// <summary>
/// Identifiers planted into hostile and held batches: cells of the de-identification corpus
/// (<c>Domain.Tests/Deidentification/corpus.csv</c>, one of each kind: e-mail, phone numbers,
/// SSN, NHS number, BSN, MRNs, national ID, passport, dates of birth, names), each with the
/// identifier itself as the needle a scan looks for (the cell without its keyword, so an echo
/// of the bare number is found too).
/// </summary>
internal static class PlantedIdentifiers
{
    public static IReadOnlyList<(string Cell, string Needle)> All { get; } =
    [
        ("contact j.devries@example.org for records", "j.devries@example.org"),
        ("call +31 6 1234 5678 if worse", "6 1234 5678"),
        ("+44 20 7946 0958", "7946 0958"),
        ("SSN 375-75-0951", "375-75-0951"),
        ("332-20-6469", "332-20-6469"),
        ("NHS no 674 546 2303", "674 546 2303"),
        ("6544185205", "6544185205"),
        ("BSN 172900840", "172900840"),
        ("MRN: A1234567", "A1234567"),
        ("Fallnummer 2024-55123", "2024-55123"),
        ("DNI 74314259V", "74314259V"),
        ("passport NX1234567", "NX1234567"),
        ("DOB 1951-03-12", "1951-03-12"),
        ("born 12/03/1951", "12/03/1951"),
        ("Jan de Vries", "Jan de Vries"),
        ("seen with Maria Garcia", "Maria Garcia"),
    ];

    /// <summary>The cells that are not rows of the corpus (none, unless the corpus changed under this list).</summary>
    public static IReadOnlyList<string> NotInCorpus()
    {
        var corpus = CsvTable.Read("corpus.csv").Where(r => r["truth"] != "none").Select(r => r["value"]).ToHashSet(StringComparer.Ordinal);
        return [.. All.Select(p => p.Cell).Where(cell => !corpus.Contains(cell))];
    }
}
