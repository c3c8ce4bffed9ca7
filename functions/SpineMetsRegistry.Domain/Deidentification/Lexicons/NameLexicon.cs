using System.Collections.Frozen;
using SpineMetsRegistry.Domain.Deidentification.Text;

namespace SpineMetsRegistry.Domain.Deidentification.Lexicons;

/// <summary>
/// The curated name lists embedded in this assembly (<c>Lexicons/Names/*.txt</c>), folded for
/// case- and accent-insensitive lookup: given names, surnames, surnames that count only after a
/// name particle, and the allow-list of medical eponyms. Single-word eponyms are removed from
/// the given-name and surname sets; multi-word eponyms ("Bence Jones") are kept as phrases.
/// </summary>
internal sealed class NameLexicon
{
    private static readonly Lazy<NameLexicon> Embedded = new(Load);

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> givenLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> surnameLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> particleSurnameLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> eponymLookup;

    private NameLexicon(
        FrozenSet<string> givenNames,
        FrozenSet<string> surnames,
        FrozenSet<string> particleSurnames,
        FrozenSet<string> eponyms,
        IReadOnlyList<string[]> eponymPhrases,
        int rawGivenNames,
        int rawSurnames)
    {
        GivenNames = givenNames;
        Surnames = surnames;
        ParticleSurnames = particleSurnames;
        Eponyms = eponyms;
        EponymPhrases = eponymPhrases;
        EponymPhraseHashes = eponymPhrases.Select(p => p.Select(w => Hash(w)).ToArray()).ToArray();
        RawGivenNameCount = rawGivenNames;
        RawSurnameCount = rawSurnames;
        givenLookup = givenNames.GetAlternateLookup<ReadOnlySpan<char>>();
        surnameLookup = surnames.GetAlternateLookup<ReadOnlySpan<char>>();
        particleSurnameLookup = particleSurnames.GetAlternateLookup<ReadOnlySpan<char>>();
        eponymLookup = eponyms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lexicon built from the embedded lists.</summary>
    public static NameLexicon Instance => Embedded.Value;

    /// <summary>Folded given names, eponyms removed.</summary>
    public FrozenSet<string> GivenNames { get; }

    /// <summary>Folded surnames, eponyms removed.</summary>
    public FrozenSet<string> Surnames { get; }

    /// <summary>Folded surnames that count only after a name particle.</summary>
    public FrozenSet<string> ParticleSurnames { get; }

    /// <summary>Folded single-word eponyms.</summary>
    public FrozenSet<string> Eponyms { get; }

    /// <summary>Folded multi-word eponyms, each as its words.</summary>
    public IReadOnlyList<string[]> EponymPhrases { get; }

    /// <summary><see cref="Hash"/> of each word of each multi-word eponym, parallel to <see cref="EponymPhrases"/>.</summary>
    /// <remarks>An array, so that iterating it on the hot path allocates no enumerator.</remarks>
    public int[][] EponymPhraseHashes { get; }

    /// <summary>Distinct given names in the embedded list before eponyms are removed.</summary>
    public int RawGivenNameCount { get; }

    /// <summary>Distinct surnames in the embedded list before eponyms are removed.</summary>
    public int RawSurnameCount { get; }

    /// <summary>Whether the folded word is a given name.</summary>
    public bool IsGivenName(ReadOnlySpan<char> folded) => givenLookup.Contains(folded);

    /// <summary>Whether the folded word is a surname.</summary>
    public bool IsSurname(ReadOnlySpan<char> folded) => surnameLookup.Contains(folded);

    /// <summary>Whether the folded word is a surname that counts after a particle.</summary>
    public bool IsParticleSurname(ReadOnlySpan<char> folded) =>
        particleSurnameLookup.Contains(folded) || surnameLookup.Contains(folded);

    /// <summary>Whether the folded word is a single-word eponym.</summary>
    public bool IsEponym(ReadOnlySpan<char> folded) => eponymLookup.Contains(folded);

    private static NameLexicon Load()
    {
        var eponymLines = ReadList("medical-eponyms.txt");
        var singleEponyms = eponymLines.Where(e => !e.Contains(' ', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var phrases = eponymLines
            .Where(e => e.Contains(' ', StringComparison.Ordinal))
            .Select(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToArray();

        var given = ReadList("given-names.txt").ToHashSet(StringComparer.Ordinal);
        var surnames = ReadList("surnames.txt").ToHashSet(StringComparer.Ordinal);
        var particle = ReadList("particle-surnames.txt").ToHashSet(StringComparer.Ordinal);
        var rawGiven = given.Count;
        var rawSurnames = surnames.Count;
        given.ExceptWith(singleEponyms);
        surnames.ExceptWith(singleEponyms);

        return new NameLexicon(
            given.ToFrozenSet(StringComparer.Ordinal),
            surnames.ToFrozenSet(StringComparer.Ordinal),
            particle.ToFrozenSet(StringComparer.Ordinal),
            singleEponyms.ToFrozenSet(StringComparer.Ordinal),
            phrases,
            rawGiven,
            rawSurnames);
    }

    private static List<string> ReadList(string fileName)
    {
        var assembly = typeof(NameLexicon).Assembly;
        var resource = "SpineMetsRegistry.Domain.Deidentification.Names." + fileName;
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded name list '{resource}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var entries = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                entries.Add(LatinFolding.Fold(trimmed));
            }
        }

        return entries;
    }

    /// <summary>
    /// A stable 32-bit FNV-1a hash of a folded word, used to compare words with the words of
    /// multi-word eponyms without allocating strings.
    /// </summary>
    public static int Hash(ReadOnlySpan<char> folded)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in folded)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)hash;
        }
    }
}
