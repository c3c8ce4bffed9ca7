using SpineMetsRegistry.Domain.Deidentification;

namespace SpineMetsRegistry.Domain.Tests.Deidentification;

public sealed class ColumnNameClassifierTests
{
    public static TheoryData<string, string, string> Columns()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in CsvTable.Read("column-names.csv"))
        {
            data.Add(row["column"], row["expected"], row["language"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Columns))]
    public void Classify_Column_ReturnsExpectedCategory(string column, string expected, string language)
    {
        var verdict = ColumnNameClassifier.Classify(column);

        if (expected == "none")
        {
            Assert.False(verdict.SuggestsIdentifier, $"'{column}' flagged as {verdict.Category.ToCode()} via '{verdict.MatchedTerm}'");
        }
        else
        {
            Assert.True(verdict.SuggestsIdentifier, $"'{column}' ({language}) not flagged");
            Assert.Equal(expected, verdict.Category.ToCode());
        }
    }

    [Fact]
    public void Columns_Table_CoversFiveLanguagesAndTheRegistryFields()
    {
        var rows = CsvTable.Read("column-names.csv");
        foreach (var language in new[] { "en", "nl", "de", "fr", "es" })
        {
            Assert.True(rows.Count(r => r["language"] == language) >= 8, $"fewer than 8 {language} identifier columns");
        }

        Assert.True(rows.Count(r => r["expected"] == "none") >= 26);
    }

    [Theory]
    [InlineData("date_of_birth")]
    [InlineData("Date Of Birth")]
    [InlineData("DATE-OF-BIRTH")]
    [InlineData("date.of.birth")]
    [InlineData("DateOfBirth")]
    [InlineData("dateOfBirth")]
    public void Classify_SeparatorsAndCase_AreIgnored(string column) =>
        Assert.Equal(IdentifierCategory.DateOfBirth, ColumnNameClassifier.Classify(column).Category);

    [Theory]
    [InlineData("Straße", "strasse")]
    [InlineData("prénom", "prenom")]
    [InlineData("teléfono", "telefon")]
    [InlineData("patiëntnummer", "patientnummer")]
    public void Classify_Accents_AreFoldedAndMatchedTermIsFromLexicon(string column, string term)
    {
        var verdict = ColumnNameClassifier.Classify(column);

        Assert.True(verdict.SuggestsIdentifier);
        Assert.Equal(term, verdict.MatchedTerm);
    }

    [Theory]
    [InlineData("primary")]
    [InlineData("script")]
    [InlineData("description")]
    [InlineData("adobe_flag")]
    [InlineData("lessons")]
    [InlineData("ethnicity")]
    [InlineData("transcript")]
    public void Classify_ShortTermsInsideWords_AreNotMatched(string column) =>
        Assert.False(ColumnNameClassifier.Classify(column).SuggestsIdentifier);

    [Fact]
    public void Classify_LongestMatchWins_LicencePlateIsVehicleNotLicence()
    {
        Assert.Equal(IdentifierCategory.VehicleIdentifier, ColumnNameClassifier.Classify("licence_plate").Category);
        Assert.Equal(IdentifierCategory.LicenceNumber, ColumnNameClassifier.Classify("licence_no").Category);
    }

    [Fact]
    public void ToFinding_IdentifierColumn_IsColumnErrorWithLexiconTermAsMasked()
    {
        var finding = ColumnNameClassifier.Classify("Geburtsdatum").ToFinding("Geburtsdatum");

        Assert.NotNull(finding);
        Assert.Equal("deid.column.date_of_birth", finding.Code);
        Assert.Equal(FindingPart.ColumnName, finding.Part);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("geburtsdatum", finding.Masked);
        Assert.Null(ColumnNameClassifier.Classify("visit_date").ToFinding("visit_date"));
    }

    [Fact]
    public void Classify_EmptyOrSeparatorsOnly_IsClean()
    {
        Assert.False(ColumnNameClassifier.Classify(string.Empty).SuggestsIdentifier);
        Assert.False(ColumnNameClassifier.Classify("__ -- ..").SuggestsIdentifier);
    }
}
