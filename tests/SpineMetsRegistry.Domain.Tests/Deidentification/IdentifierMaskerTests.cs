using SpineMetsRegistry.Domain.Deidentification;

namespace SpineMetsRegistry.Domain.Tests.Deidentification;

public sealed class IdentifierMaskerTests
{
    [Theory]
    [InlineData(IdentifierCategory.Email, "jan.devries@example.org", "j***@***.org")]
    [InlineData(IdentifierCategory.Email, "Pieter@Sub.Example.COM", "P***@***.com")]
    [InlineData(IdentifierCategory.Email, "a@example.museum", "a***@***.***")]
    [InlineData(IdentifierCategory.UsSocialSecurityNumber, "332-20-1234", "***-**-1234")]
    [InlineData(IdentifierCategory.UsSocialSecurityNumber, "332 20 1234", "***-**-1234")]
    [InlineData(IdentifierCategory.Phone, "+31 6 1234 5678", "+** * **** **78")]
    [InlineData(IdentifierCategory.Phone, "(555) 013-4567", "(***)***-**67")]
    [InlineData(IdentifierCategory.PersonName, "Jan de Vries", "J***")]
    [InlineData(IdentifierCategory.NlBsn, "876809098", "[nl_bsn:9]")]
    [InlineData(IdentifierCategory.DateOfBirth, "12/03/1951", "[date_of_birth:10]")]
    [InlineData(IdentifierCategory.Iban, "NL68ZZZZ0062578507", "[iban:18]")]
    public void Mask_Category_FollowsDocumentedRule(IdentifierCategory category, string value, string expected) =>
        Assert.Equal(expected, IdentifierMasker.Mask(category, value));

    [Fact]
    public void Mask_EveryFindingInTheCorpus_RevealsNoRunOfMoreThanFourCharacters()
    {
        var scanner = new IdentifierScanner();
        var checkedFindings = 0;
        foreach (var cell in CorpusCell.Load().Concat(CorpusCell.Load("known-limitations.csv")))
        {
            foreach (var finding in scanner.Scan(cell.Field, cell.Kind, cell.Value).Findings)
            {
                var original = cell.Value.Substring(finding.Start, finding.Length);
                AssertSafe(finding.Category, original, finding.Masked);
                checkedFindings++;
            }
        }

        Assert.True(checkedFindings >= 200, $"only {checkedFindings} findings checked");
    }

    [Fact]
    public void Mask_RandomIdentifiers_RevealNoRunOfMoreThanFourCharacters()
    {
        var random = new Random(20240611);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .-_+()/";
        foreach (var category in IdentifierCategoryCodes.All)
        {
            for (var n = 0; n < 300; n++)
            {
                var length = random.Next(1, 40);
                var chars = new char[length];
                for (var i = 0; i < length; i++)
                {
                    chars[i] = alphabet[random.Next(alphabet.Length)];
                }

                var value = new string(chars);
                if (category == IdentifierCategory.Email)
                {
                    value = value.Replace(' ', 'x') + "@" + value.Replace(' ', 'y') + ".org";
                }

                AssertSafe(category, value, IdentifierMasker.Mask(category, value));
            }
        }
    }

    [Fact]
    public void Mask_Email_NeverContainsLocalPartOrDomainName()
    {
        var masked = IdentifierMasker.Mask(IdentifierCategory.Email, "jo@ab.nl");

        Assert.Equal("j***@***.nl", masked);
        Assert.DoesNotContain("jo", masked, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ab", masked, StringComparison.OrdinalIgnoreCase);
    }

    // The guarantee: never the full value, never a run of more than four consecutive characters of
    // it (the SSN keeps its last four digits and their dash, as the specification's example does),
    // never the e-mail local part or domain name.
    private static void AssertSafe(IdentifierCategory category, string original, string masked)
    {
        if (original.Length >= 3)
        {
            Assert.DoesNotContain(original, masked, StringComparison.OrdinalIgnoreCase);
        }

        var longestAllowed = category == IdentifierCategory.UsSocialSecurityNumber ? 5 : 4;
        for (var start = 0; start + longestAllowed + 1 <= original.Length; start++)
        {
            var run = original.Substring(start, longestAllowed + 1);
            Assert.False(masked.Contains(run, StringComparison.OrdinalIgnoreCase),
                $"{category}: masked '{masked}' contains a {run.Length}-character run of the original");
        }

        // Local parts and domain names of at least four characters never appear (shorter ones could
        // coincide with the "***.tld" suffix, e.g. a domain "or" and the shown ".org").
        if (category == IdentifierCategory.Email)
        {
            var at = original.IndexOfAny(['@', '\uFF20']);
            if (at >= 4)
            {
                Assert.DoesNotContain(original[..at], masked, StringComparison.OrdinalIgnoreCase);
            }

            var domain = original[(at + 1)..];
            var dot = domain.LastIndexOf('.');
            if (at >= 0 && dot >= 4)
            {
                Assert.DoesNotContain(domain[..dot], masked, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
