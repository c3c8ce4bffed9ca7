using SpineMetsRegistry.Domain.Deidentification;

namespace SpineMetsRegistry.Domain.Tests.Deidentification;

public sealed class IdentifierCategoryCodesTests
{
    [Fact]
    public void ToCode_EveryCategory_HasAUniqueSnakeCaseCodeThatParsesBack()
    {
        var codes = IdentifierCategoryCodes.All.Select(c => c.ToCode()).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        foreach (var category in IdentifierCategoryCodes.All)
        {
            Assert.Matches("^[a-z][a-z0-9_]+$", category.ToCode());
            Assert.True(IdentifierCategoryCodes.TryParse(category.ToCode(), out var parsed));
            Assert.Equal(category, parsed);
        }
    }

    [Theory]
    [InlineData("email")]
    [InlineData("us_ssn")]
    [InlineData("nl_bsn")]
    [InlineData("uk_nhs_number")]
    [InlineData("person_name")]
    [InlineData("date_of_birth")]
    public void TryParse_PublishedCodes_AreStable(string code) =>
        Assert.True(IdentifierCategoryCodes.TryParse(code, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("EMAIL")]
    [InlineData("names")]
    public void TryParse_UnknownCode_Fails(string? code) =>
        Assert.False(IdentifierCategoryCodes.TryParse(code, out _));
}
