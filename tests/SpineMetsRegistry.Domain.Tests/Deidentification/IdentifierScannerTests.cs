using System.Text.RegularExpressions;
using SpineMetsRegistry.Domain.Deidentification;
using SpineMetsRegistry.Domain.Deidentification.Detectors;
using Xunit.Abstractions;

namespace SpineMetsRegistry.Domain.Tests.Deidentification;

public sealed class IdentifierScannerTests(ITestOutputHelper output)
{
    private static readonly IdentifierScanner Scanner = new();

    [Fact]
    public void Scan_DowngradedFieldAndCategory_IsWarningElsewhereError()
    {
        var settings = DeidentificationSettings.Create(
            [new SeverityDowngradeOptions { Field = "primary_other_text", Category = "person_name" }]);
        Assert.True(settings.IsSuccess);
        var scanner = new IdentifierScanner(settings.Value);

        var downgraded = scanner.Scan("primary_other_text", FieldContentKind.FreeText, "Dr Jansen tumour");
        var elsewhere = scanner.Scan("notes", FieldContentKind.FreeText, "Dr Jansen tumour");
        var otherCategory = scanner.Scan("primary_other_text", FieldContentKind.FreeText, "j.devries@example.org");

        Assert.Equal(FindingSeverity.Warning, Assert.Single(downgraded.Findings).Severity);
        Assert.False(downgraded.HasErrors);
        Assert.Equal(FindingSeverity.Error, Assert.Single(elsewhere.Findings).Severity);
        Assert.True(elsewhere.HasErrors);
        Assert.Equal(FindingSeverity.Error, Assert.Single(otherCategory.Findings).Severity);
    }

    [Fact]
    public void Scan_FreeTextVersusStructured_NamesOnlyInFreeText()
    {
        Assert.Equal(IdentifierCategory.PersonName, Assert.Single(Scanner.Scan("notes", FieldContentKind.FreeText, "Jansen").Findings).Category);
        Assert.True(Scanner.Scan("primary_tumour", FieldContentKind.Structured, "Jansen").IsClean);
        Assert.Equal(IdentifierCategory.Email, Assert.Single(Scanner.Scan("primary_tumour", FieldContentKind.Structured, "a.b@example.org").Findings).Category);
    }

    [Fact]
    public void Scan_DateField_SkipsFullDatesButNotOtherIdentifiers()
    {
        Assert.True(Scanner.Scan("visit_date", FieldContentKind.Date, "12/03/2024").IsClean);
        Assert.True(Scanner.Scan("visit_date", FieldContentKind.Date, "20240312").IsClean);
        Assert.Equal(IdentifierCategory.DateOfBirth, Assert.Single(Scanner.Scan("notes", FieldContentKind.FreeText, "12/03/2024").Findings).Category);
        Assert.Equal(IdentifierCategory.NlBsn, Assert.Single(Scanner.Scan("visit_date", FieldContentKind.Date, "876809098").Findings).Category);
    }

    [Fact]
    public void Scan_Finding_CarriesSpanCodeAndMaskButNotTheValue()
    {
        const string value = "please call +31 6 1234 5678 today";

        var finding = Assert.Single(Scanner.Scan("notes", FieldContentKind.FreeText, value).Findings);

        Assert.Equal("deid.value.phone", finding.Code);
        Assert.Equal(FindingPart.Value, finding.Part);
        Assert.Equal("+31 6 1234 5678", value.Substring(finding.Start, finding.Length));
        Assert.Equal("+** * **** **78", finding.Masked);
        Assert.DoesNotContain("1234", finding.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_OverlappingHits_KeywordBeatsChecksum()
    {
        // 876809098 passes the BSN elfproef, but the keyword says it is a hospital number.
        var finding = Assert.Single(Scanner.Scan("notes", FieldContentKind.FreeText, "MRN 876809098").Findings);

        Assert.Equal(IdentifierCategory.MedicalRecordNumber, finding.Category);
    }

    [Fact]
    public void Scan_SeveralIdentifiers_AreReportedInTextOrder()
    {
        var findings = Scanner.Scan("notes", FieldContentKind.FreeText, "Mevr. Bakker, 06-12345678, b.bakker@example.nl").Findings;

        Assert.Equal(
            [IdentifierCategory.PersonName, IdentifierCategory.Phone, IdentifierCategory.Email],
            findings.Select(f => f.Category).ToArray());
        Assert.True(findings.Zip(findings.Skip(1)).All(p => p.First.Start + p.First.Length <= p.Second.Start));
    }

    [Fact]
    public void Scan_DetectorTimesOut_ReportsInconclusiveErrorNeverClean()
    {
        var settings = DeidentificationSettings.Default;
        var scanner = new IdentifierScanner(settings, [new TimingOutDetector()]);

        var result = scanner.Scan("notes", FieldContentKind.FreeText, "some long free text");

        var finding = Assert.Single(result.Findings);
        Assert.Equal(IdentifierCategory.ScanInconclusive, finding.Category);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("[scan_inconclusive:19]", finding.Masked);
        Assert.Equal(0, finding.Start);
        Assert.Equal(19, finding.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("38")]
    [InlineData("7.4")]
    [InlineData("100%")]
    [InlineData("-0.594")]
    [InlineData("12/03")]
    public void IsTriviallyClean_ShortNumericValues_TakeTheFastPath(string value) =>
        Assert.True(IdentifierScanner.IsTriviallyClean(value, FieldContentKind.FreeText));

    [Theory]
    [InlineData("1.2.3.4", FieldContentKind.FreeText)] // an IPv4 address has four digits
    [InlineData("876809098", FieldContentKind.FreeText)]
    [InlineData("Jan", FieldContentKind.FreeText)]
    [InlineData("a@b.nl", FieldContentKind.FreeText)]
    [InlineData("12/03/1951", FieldContentKind.FreeText)]
    [InlineData("12/03/1951", FieldContentKind.Date)]
    public void IsTriviallyClean_ValuesThatCouldHoldIdentifiers_AreScanned(string value, FieldContentKind kind) =>
        Assert.False(IdentifierScanner.IsTriviallyClean(value, kind));

    [Fact]
    public void IsTriviallyClean_IsoDateInDateField_TakesTheFastPath()
    {
        Assert.True(IdentifierScanner.IsTriviallyClean("2024-03-12", FieldContentKind.Date));
        Assert.False(IdentifierScanner.IsTriviallyClean("2024-03-12", FieldContentKind.FreeText));
    }

    [Fact]
    public void Scan_HugeAdversarialValue_CompletesWithoutTimeout()
    {
        var value = string.Concat(Enumerable.Repeat("a.a-1 1.1 @ www. 12-", 5_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = Scanner.Scan("notes", FieldContentKind.FreeText, value);

        output.WriteLine($"{value.Length:N0} characters in {watch.ElapsedMilliseconds} ms, {result.Findings.Count} findings");
        Assert.DoesNotContain(result.Findings, f => f.Category == IdentifierCategory.ScanInconclusive);
    }

    [Fact]
    public void Scan_DetectorTimesOutOnceThenFinds_ReportsTheFindingNotInconclusive()
    {
        var detector = new OnceTimingOutDetector();
        var scanner = new IdentifierScanner(DeidentificationSettings.Default, [detector]);

        var result = scanner.Scan("notes", FieldContentKind.FreeText, "some long free text");

        Assert.Equal(2, detector.Calls);
        Assert.Equal(IdentifierCategory.Email, Assert.Single(result.Findings).Category);
    }

    private sealed class OnceTimingOutDetector : IValueDetector
    {
        public int Calls { get; private set; }

        public bool AppliesTo(FieldContentKind kind) => true;

        public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
        {
            if (++Calls == 1)
            {
                throw new RegexMatchTimeoutException("input", "pattern", TimeSpan.FromMilliseconds(1));
            }

            hits.Add(0, 4, IdentifierCategory.Email, HitEvidence.Structure);
        }
    }

    private sealed class TimingOutDetector : IValueDetector
    {
        public bool AppliesTo(FieldContentKind kind) => true;

        public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits) =>
            throw new RegexMatchTimeoutException("input", "pattern", TimeSpan.FromMilliseconds(1));
    }
}
