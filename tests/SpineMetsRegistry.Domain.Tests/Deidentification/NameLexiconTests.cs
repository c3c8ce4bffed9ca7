using SpineMetsRegistry.Domain.Deidentification;
using SpineMetsRegistry.Domain.Deidentification.Lexicons;
using Xunit.Abstractions;

namespace SpineMetsRegistry.Domain.Tests.Deidentification;

public sealed class NameLexiconTests(ITestOutputHelper output)
{
    [Fact]
    public void Instance_EmbeddedLists_HaveSeveralHundredNamesEach()
    {
        var lexicon = NameLexicon.Instance;
        output.WriteLine(
            $"given names {lexicon.RawGivenNameCount} ({lexicon.GivenNames.Count} after eponyms), "
            + $"surnames {lexicon.RawSurnameCount} ({lexicon.Surnames.Count} after eponyms), "
            + $"particle surnames {lexicon.ParticleSurnames.Count}, eponyms {lexicon.Eponyms.Count} + {lexicon.EponymPhrases.Count} phrases");

        Assert.True(lexicon.GivenNames.Count >= 300);
        Assert.True(lexicon.Surnames.Count >= 300);
        Assert.True(lexicon.Eponyms.Count >= 100);
    }

    [Theory]
    [InlineData("hoffmann")]
    [InlineData("wilson")]
    [InlineData("jackson")]
    [InlineData("bauer")]
    [InlineData("denis")]
    [InlineData("lambert")]
    public void Instance_EponymThatIsAlsoAName_IsRemovedFromTheNameSets(string folded)
    {
        var lexicon = NameLexicon.Instance;

        Assert.True(lexicon.IsEponym(folded));
        Assert.False(lexicon.IsSurname(folded));
        Assert.False(lexicon.IsGivenName(folded));
    }

    [Theory]
    [InlineData("january")]
    [InlineData("mei")]
    [InlineData("marz")]
    [InlineData("juin")]
    [InlineData("julio")]
    [InlineData("will")]
    [InlineData("mark")]
    [InlineData("rose")]
    [InlineData("brown")]
    [InlineData("walker")]
    [InlineData("ward")]
    [InlineData("stein")]
    [InlineData("li")]
    public void Instance_CommonWordsAndMonths_AreNotNames(string folded)
    {
        var lexicon = NameLexicon.Instance;

        Assert.False(lexicon.IsGivenName(folded));
        Assert.False(lexicon.IsSurname(folded));
    }

    [Fact]
    public void Instance_Lookups_IgnoreAccentsOnceFolded()
    {
        Assert.True(NameLexicon.Instance.IsSurname("muller"));
        Assert.True(NameLexicon.Instance.IsSurname("garcia"));
        Assert.True(NameLexicon.Instance.IsGivenName("jurgen"));
    }

    [Fact]
    public void Scan_EponymSurname_IsANameOnlyWithTitleOrGivenName()
    {
        var scanner = new IdentifierScanner();

        Assert.True(scanner.Scan("notes", FieldContentKind.FreeText, "Hoffmann sign negative").IsClean);
        Assert.Equal("Mr Hoffmann", Span(scanner, "seen by Mr Hoffmann"));
        Assert.Equal("Peter Hoffmann", Span(scanner, "seen by Peter Hoffmann"));
    }

    private static string Span(IdentifierScanner scanner, string value)
    {
        var finding = Assert.Single(scanner.Scan("notes", FieldContentKind.FreeText, value).Findings);
        return value.Substring(finding.Start, finding.Length);
    }
}
