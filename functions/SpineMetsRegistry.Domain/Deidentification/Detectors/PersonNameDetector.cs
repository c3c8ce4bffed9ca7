using System.Buffers;
using System.Collections.Frozen;
using SpineMetsRegistry.Domain.Deidentification.Lexicons;
using SpineMetsRegistry.Domain.Deidentification.Text;

namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// Person names in free text, from the curated lists of <see cref="NameLexicon"/> and
/// capitalisation. A word counts as capitalised when it is Titlecase ("Jansen", "McDonald",
/// "O'Brien") or, for the single-word rules, ALL CAPS of four or more letters ("JANSEN").
/// <list type="number">
/// <item>A title (Mr, Mrs, Ms, Dr, Prof, Dhr., Mevr., Herr, Frau, Mme, Sr., Sra., Sig.ra, ...),
/// optional initials, then a capitalised word: "Dr J. Smit", "Mevr. Bakker", "Herr Krause".
/// The title makes it a name even if the word is an eponym ("Mr Paget").</item>
/// <item>A capitalised given name from the list ("Maria", "Jürgen"), and with it a capitalised
/// word that follows it ("Maria Garcia", "Peter Hoffmann").</item>
/// <item>A capitalised surname from the list ("Jansen", "Müller", "García").</item>
/// <item>A lower-case given name directly followed by a lower-case surname ("jan jansen").</item>
/// <item>A Dutch or Romance particle sequence ("van", "ter", "van der", "van den", "de la", "della")
/// followed by a capitalised word ("van Dijk", "van der Heijden"); a weak particle ("de", "von",
/// "di", "du", "le") only before a listed surname ("de Vries", "de Groot"), so that German
/// "von Schmerzen" or "in der Klinik" is not a name.</item>
/// </list>
/// Medical eponyms and disease words that are also names (Hodgkin, Ewing, Paget, Hoffmann,
/// Wilson, "Bence Jones", "Pierre Robin") are never flagged on their own; a single-word eponym
/// still completes a name after a title or a given name ("Peter Hoffmann"). A word after a
/// saint's prefix ("St. Anna", "Santa María", "Sint Maarten") names a place or hospital and is
/// not flagged. Adjacent name words are reported as one span.
/// </summary>
internal sealed class PersonNameDetector : IValueDetector
{
    private const int MaxWordLength = 40;

    private static readonly FrozenSet<string> Titles = new[]
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lady", "mister", "doctor", "dhr", "mevr",
        "mw", "mevrouw", "meneer", "dokter", "herr", "frau", "doktor", "mme", "mlle", "monsieur", "madame",
        "mademoiselle", "docteur", "sr", "sra", "srta", "senor", "senora", "senorita", "dona", "sig", "sigra",
        "signor", "signora", "dott", "dottssa", "dottoressa",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> StrongParticles = new[] { "van", "ter", "della" }
        .ToFrozenSet(StringComparer.Ordinal);

    // May start a particle sequence, but alone only before a listed surname ("de Vries", "von Braun").
    private static readonly FrozenSet<string> WeakParticles = new[]
    {
        "de", "del", "di", "da", "du", "le", "la", "von", "te", "ten",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Only after another particle ("van der", "van 't", "de la"): never starts a sequence, so a
    // German article ("der", "den") before a capitalised noun is not a name.
    private static readonly FrozenSet<string> FollowerParticles = new[]
    {
        "der", "den", "de", "het", "t", "la", "los", "las",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> RomanceArticles = new[] { "la", "los", "las" }
        .ToFrozenSet(StringComparer.Ordinal);

    // "St. Anna Ziekenhuis", "Hospital Santa María", "Sankt Georg": a saint's name is a place or
    // institution, not a person in the record.
    private static readonly FrozenSet<string> SaintPrefixes = new[]
    {
        "st", "ste", "sint", "saint", "sainte", "sankt", "san", "santa", "santo", "sao", "heilige",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SaintLookup =
        SaintPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup =
        Titles.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StrongParticleLookup =
        StrongParticles.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WeakParticleLookup =
        WeakParticles.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FollowerParticleLookup =
        FollowerParticles.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RomanceArticleLookup =
        RomanceArticles.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly NameLexicon lexicon;

    /// <summary>Creates the detector over the embedded name lists.</summary>
    public PersonNameDetector()
        : this(NameLexicon.Instance)
    {
    }

    internal PersonNameDetector(NameLexicon lexicon) => this.lexicon = lexicon;

    [Flags]
    private enum WordFlags
    {
        None = 0,
        Titlecase = 1,
        AllCaps = 2,
        Lower = 4,
        Given = 8,
        Surname = 16,
        ParticleSurname = 32,
        Eponym = 64,
        Title = 128,
        StrongParticle = 256,
        WeakParticle = 512,
        Initial = 1024,
        Protected = 2048,
        Include = 4096,
        FollowerParticle = 8192,
        RomanceArticle = 16384,
        De = 32768,
        PhraseProtected = 65536,
        Saint = 131072,
    }

    /// <inheritdoc/>
    public bool AppliesTo(FieldContentKind kind) => kind == FieldContentKind.FreeText;

    /// <inheritdoc/>
    public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
    {
        if (profile.Letters < 3)
        {
            return;
        }

        var pool = ArrayPool<Word>.Shared;
        var words = pool.Rent((text.Length / 2) + 1);
        try
        {
            var count = Tokenize(text, words);
            ProtectEponymPhrases(words.AsSpan(0, count));
            ApplyRules(text, words.AsSpan(0, count));
            Emit(text, words.AsSpan(0, count), ref hits);
        }
        finally
        {
            pool.Return(words);
        }
    }

    private int Tokenize(ReadOnlySpan<char> text, Word[] words)
    {
        Span<char> folded = stackalloc char[MaxWordLength * 2];
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetter(text[i])
                || (text[i] is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start)))
            {
                i++;
            }

            var raw = text[start..i];
            var flags = CaseOf(raw);
            var hash = 0;
            if (raw.Length <= MaxWordLength)
            {
                var n = LatinFolding.FoldInto(raw, folded, lettersAndDigitsOnly: false);
                var word = folded[..n];
                hash = NameLexicon.Hash(word);
                flags |= Classify(word, raw);
            }

            words[count++] = new Word(start, i - start, flags, hash);
        }

        return count;
    }

    private WordFlags Classify(ReadOnlySpan<char> folded, ReadOnlySpan<char> raw)
    {
        var flags = WordFlags.None;
        if (lexicon.IsEponym(folded))
        {
            return WordFlags.Eponym | WordFlags.Protected;
        }

        if (folded.Contains('-'))
        {
            // Hyphenated: protected if any part is an eponym (Kaplan-Meier); a name if every part is
            // a given name (Jean-Pierre) or any part is a surname (Müller-Schmidt).
            var allGiven = true;
            foreach (var range in folded.Split('-'))
            {
                var part = folded[range];
                if (lexicon.IsEponym(part))
                {
                    return WordFlags.Eponym | WordFlags.Protected;
                }

                allGiven &= lexicon.IsGivenName(part);
                flags |= lexicon.IsSurname(part) ? WordFlags.Surname : WordFlags.None;
            }

            return flags | (allGiven ? WordFlags.Given : WordFlags.None);
        }

        if (lexicon.IsGivenName(folded))
        {
            flags |= WordFlags.Given;
        }

        if (lexicon.IsSurname(folded))
        {
            flags |= WordFlags.Surname;
        }

        if (lexicon.IsParticleSurname(folded))
        {
            flags |= WordFlags.ParticleSurname;
        }

        if (TitleLookup.Contains(folded) && !(raw.Length <= 3 && CaseOf(raw) == WordFlags.AllCaps))
        {
            flags |= WordFlags.Title;
        }

        if (StrongParticleLookup.Contains(folded) && CaseOf(raw) == WordFlags.Lower)
        {
            flags |= WordFlags.StrongParticle;
        }

        if (CaseOf(raw) == WordFlags.Lower)
        {
            flags |= WeakParticleLookup.Contains(folded) ? WordFlags.WeakParticle : WordFlags.None;
            flags |= FollowerParticleLookup.Contains(folded) ? WordFlags.FollowerParticle : WordFlags.None;
            flags |= RomanceArticleLookup.Contains(folded) ? WordFlags.RomanceArticle : WordFlags.None;
            flags |= folded is "de" ? WordFlags.De : WordFlags.None;
        }

        if (SaintLookup.Contains(folded) && CaseOf(raw) != WordFlags.Lower)
        {
            flags |= WordFlags.Saint;
        }

        if (raw.Length == 1 && char.IsUpper(raw[0]))
        {
            flags |= WordFlags.Initial;
        }

        return flags;
    }

    private void ProtectEponymPhrases(Span<Word> words)
    {
        var phrases = lexicon.EponymPhraseHashes;
        for (var i = 0; i < words.Length; i++)
        {
            foreach (var phrase in phrases)
            {
                if (i + phrase.Length > words.Length || words[i].Hash != phrase[0])
                {
                    continue;
                }

                var all = true;
                for (var k = 1; k < phrase.Length && all; k++)
                {
                    all = words[i + k].Hash == phrase[k];
                }

                if (all)
                {
                    for (var k = 0; k < phrase.Length; k++)
                    {
                        words[i + k] = words[i + k].With(WordFlags.Protected | WordFlags.PhraseProtected);
                    }
                }
            }
        }
    }

    private static void ApplyRules(ReadOnlySpan<char> text, Span<Word> words)
    {
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (words[i].Has(WordFlags.Saint) && Gap(text, words[i], words[i + 1], allowDot: true))
            {
                words[i + 1] = words[i + 1].With(WordFlags.Protected | WordFlags.PhraseProtected);
            }
        }

        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];

            // 1. Title, optional initials, capitalised word (eponyms included).
            if (w.Has(WordFlags.Title))
            {
                var j = i + 1;
                while (j < words.Length && words[j].Has(WordFlags.Initial) && Gap(text, words[j - 1], words[j], allowDot: true))
                {
                    j++;
                }

                j = SkipParticles(text, words, j);
                if (j < words.Length && j > i && Gap(text, words[j - 1], words[j], allowDot: true) && IsCapitalised(words[j], minAllCaps: 2))
                {
                    Include(words, i, j);
                }
            }

            if (w.Has(WordFlags.Protected))
            {
                continue;
            }

            // 2. Given name, and the capitalised word after it.
            if (w.Has(WordFlags.Given) && IsCapitalised(w, minAllCaps: 4))
            {
                Include(words, i, i);
                var j = SkipParticles(text, words, i + 1);
                if (j < words.Length && Gap(text, words[j - 1], words[j], allowDot: false)
                    && IsCapitalised(words[j], minAllCaps: 2) && !words[j].Has(WordFlags.PhraseProtected))
                {
                    Include(words, i, j);
                }
            }

            // 3. Surname.
            if (w.Has(WordFlags.Surname) && IsCapitalised(w, minAllCaps: 4))
            {
                Include(words, i, i);
            }

            // 4. Lower-case given name and surname.
            if (w.Has(WordFlags.Given) && w.Has(WordFlags.Lower) && i + 1 < words.Length
                && words[i + 1].Has(WordFlags.Surname) && words[i + 1].Has(WordFlags.Lower)
                && !words[i + 1].Has(WordFlags.Protected) && Gap(text, w, words[i + 1], allowDot: false)
                && w.Length >= 3 && words[i + 1].Length >= 3)
            {
                Include(words, i, i + 1);
            }

            // 5. Particles: a strong sequence ("van", "ter", "van der", "de la") before any
            // capitalised word, a weak one ("de", "von", "di") only before a listed surname.
            if (w.Has(WordFlags.StrongParticle) || w.Has(WordFlags.WeakParticle))
            {
                var j = SkipParticles(text, words, i);
                var strong = w.Has(WordFlags.StrongParticle)
                    || (w.Has(WordFlags.De) && i + 1 < j && words[i + 1].Has(WordFlags.RomanceArticle));
                if (j < words.Length && Gap(text, words[j - 1], words[j], allowDot: false)
                    && words[j].Has(WordFlags.Titlecase) && !words[j].Has(WordFlags.Protected)
                    && (strong || words[j].Has(WordFlags.ParticleSurname)))
                {
                    Include(words, i, j);
                }
            }
        }
    }

    // Skips a particle sequence starting at j: a strong or weak particle, then any particles.
    private static int SkipParticles(ReadOnlySpan<char> text, Span<Word> words, int j)
    {
        if (j >= words.Length || !(words[j].Has(WordFlags.StrongParticle) || words[j].Has(WordFlags.WeakParticle)))
        {
            return j;
        }

        j++;
        while (j < words.Length
            && (words[j].Has(WordFlags.StrongParticle) || words[j].Has(WordFlags.WeakParticle) || words[j].Has(WordFlags.FollowerParticle))
            && Gap(text, words[j - 1], words[j], allowDot: false))
        {
            j++;
        }

        return j;
    }

    private static void Include(Span<Word> words, int from, int to)
    {
        for (var k = from; k <= to; k++)
        {
            words[k] = words[k].With(WordFlags.Include);
        }
    }

    private static bool IsCapitalised(Word w, int minAllCaps) =>
        w.Has(WordFlags.Titlecase) || (w.Has(WordFlags.AllCaps) && w.Length >= minAllCaps);

    // Only spaces (and for titles and initials, a dot) between two words.
    private static bool Gap(ReadOnlySpan<char> text, Word a, Word b, bool allowDot)
    {
        var gap = text[(a.Start + a.Length)..b.Start];
        if (gap.IsEmpty || gap.Length > 3)
        {
            return false;
        }

        var spaces = 0;
        foreach (var c in gap)
        {
            if (c == ' ')
            {
                spaces++;
            }
            else if (!(allowDot && c == '.'))
            {
                return false;
            }
        }

        return spaces >= 1;
    }

    private static void Emit(ReadOnlySpan<char> text, Span<Word> words, ref HitCollector hits)
    {
        var i = 0;
        while (i < words.Length)
        {
            if (!words[i].Has(WordFlags.Include))
            {
                i++;
                continue;
            }

            var j = i;
            while (j + 1 < words.Length && words[j + 1].Has(WordFlags.Include) && Gap(text, words[j], words[j + 1], allowDot: true))
            {
                j++;
            }

            var start = words[i].Start;
            var end = words[j].Start + words[j].Length;
            hits.Add(start, end - start, IdentifierCategory.PersonName, HitEvidence.NameList);
            i = j + 1;
        }
    }

    private static WordFlags CaseOf(ReadOnlySpan<char> raw)
    {
        var upper = 0;
        var lower = 0;
        foreach (var c in raw)
        {
            if (char.IsUpper(c))
            {
                upper++;
            }
            else if (char.IsLower(c))
            {
                lower++;
            }
        }

        if (lower == 0 && upper > 0)
        {
            return WordFlags.AllCaps;
        }

        if (upper == 0)
        {
            return WordFlags.Lower;
        }

        return char.IsUpper(raw[0]) ? WordFlags.Titlecase : WordFlags.None;
    }

    private readonly record struct Word(int Start, int Length, WordFlags Flags, int Hash)
    {
        public bool Has(WordFlags flag) => (Flags & flag) != 0;

        public Word With(WordFlags flag) => this with { Flags = Flags | flag };
    }
}
