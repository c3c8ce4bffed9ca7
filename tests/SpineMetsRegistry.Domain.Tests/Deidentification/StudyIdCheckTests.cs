using SpineMetsRegistry.Domain.Deidentification;

namespace SpineMetsRegistry.Domain.Tests.Deidentification;

public sealed class StudyIdCheckTests
{
    private static StudyIdCheck Site03()
    {
        var creation = StudyIdCheck.Create("^S03-[0-9]{4}$");
        Assert.True(creation.IsSuccess);
        return creation.Value;
    }

    [Theory]
    [InlineData("S03-0001")]
    [InlineData("S03-9999")]
    public void Check_MatchingId_IsOk(string id)
    {
        var result = Site03().Check(id);

        Assert.Equal(StudyIdOutcome.Ok, result.Outcome);
        Assert.Equal("ok", result.Code);
        Assert.Null(result.Finding);
    }

    [Theory]
    [InlineData("S04-0001")]
    [InlineData("S03-001")]
    [InlineData("s03-0001")]
    [InlineData("S03-0001x")]
    [InlineData("xS03-0001")]
    [InlineData("")]
    public void Check_NonMatchingId_IsPatternMismatch(string id) =>
        Assert.Equal("pattern_mismatch", Site03().Check(id).Code);

    [Theory]
    [InlineData("^[0-9]{9}$", "876809098", "looks_like_nl_bsn")]
    [InlineData("^[0-9]{10}$", "6544185205", "looks_like_uk_nhs_number")]
    [InlineData("^[0-9-]{11}$", "332-20-6469", "looks_like_us_ssn")]
    [InlineData("^[0-9]{10}$", "0612345678", "looks_like_phone")]
    [InlineData("^.+$", "+31 6 1234 5678", "looks_like_phone")]
    [InlineData("^.+$", "j.devries@example.org", "looks_like_email")]
    [InlineData("^[0-9]{7}$", "1234567", "looks_like_medical_record_number")]
    [InlineData("^.+$", "MRN 1234567", "looks_like_medical_record_number")]
    [InlineData("^S03-.+$", "S03-0612345678", "looks_like_identifying_number")]
    [InlineData("^.+$", "1951-03-12", "looks_like_date_of_birth")]
    [InlineData("^.+$", "Jansen", "looks_like_person_name")]
    public void Check_IdentifierShapedId_LooksLikeEvenWhenThePatternMatches(string pattern, string id, string code)
    {
        var creation = StudyIdCheck.Create(pattern);
        Assert.True(creation.IsSuccess);

        var result = creation.Value.Check(id);

        Assert.Equal(StudyIdOutcome.LooksLikeIdentifier, result.Outcome);
        Assert.Equal(code, result.Code);
        Assert.NotNull(result.Finding);
        Assert.Equal(FindingPart.StudyId, result.Finding.Part);
        Assert.StartsWith("deid.study_id.", result.Finding.Code, StringComparison.Ordinal);
        Assert.DoesNotContain(id, result.Finding.Masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ShortAllDigitId_IsNotAnMrn()
    {
        var creation = StudyIdCheck.Create("^[0-9]{5}$");
        Assert.True(creation.IsSuccess);

        Assert.Equal("ok", creation.Value.Check("12345").Code);
    }

    [Theory]
    [InlineData(null, StudyIdCheckCreation.PatternMissing)]
    [InlineData(" ", StudyIdCheckCreation.PatternMissing)]
    [InlineData("S03-[0-9", StudyIdCheckCreation.PatternInvalid)]
    [InlineData(@"(S03)\1", StudyIdCheckCreation.PatternUnsupported)]
    [InlineData("(?=S)S03", StudyIdCheckCreation.PatternUnsupported)]
    public void Create_BadPattern_IsRejectedAsData(string? pattern, string code)
    {
        var creation = StudyIdCheck.Create(pattern);

        Assert.False(creation.IsSuccess);
        Assert.Equal(code, creation.Error.Code);
        Assert.False(string.IsNullOrEmpty(creation.Error.Message));
    }

    [Fact]
    public void Create_UnanchoredPattern_StillMatchesWholeId()
    {
        var creation = StudyIdCheck.Create("S03-[0-9]{4}");
        Assert.True(creation.IsSuccess);

        Assert.Equal("ok", creation.Value.Check("S03-0001").Code);
        Assert.Equal("pattern_mismatch", creation.Value.Check("S03-00012").Code);
    }
}
