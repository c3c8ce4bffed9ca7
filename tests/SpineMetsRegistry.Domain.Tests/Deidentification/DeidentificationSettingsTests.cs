using SpineMetsRegistry.Domain.Deidentification;

namespace SpineMetsRegistry.Domain.Tests.Deidentification;

public sealed class DeidentificationSettingsTests
{
    private static SeverityDowngradeOptions Rule(string? field, string? category) => new() { Field = field, Category = category };

    [Fact]
    public void Create_ValidRule_IsAcceptedAndDowngradesOnlyThatFieldAndCategory()
    {
        var result = DeidentificationSettings.Create([Rule("primary_other_text", "person_name")]);

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Errors);
        Assert.True(result.Value.IsDowngraded("primary_other_text", IdentifierCategory.PersonName));
        Assert.False(result.Value.IsDowngraded("primary_other_text", IdentifierCategory.Email));
        Assert.False(result.Value.IsDowngraded("notes", IdentifierCategory.PersonName));
    }

    [Fact]
    public void Create_NoRules_IsValidAndDowngradesNothing()
    {
        var result = DeidentificationSettings.Create(null);

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Value.Rules);
        Assert.False(DeidentificationSettings.Default.IsDowngraded("primary_other_text", IdentifierCategory.PersonName));
    }

    [Theory]
    [InlineData(null, "person_name", SettingsProblem.FieldMissing)]
    [InlineData("", "person_name", SettingsProblem.FieldMissing)]
    [InlineData("   ", "person_name", SettingsProblem.FieldMissing)]
    [InlineData("*", "person_name", SettingsProblem.FieldWildcard)]
    [InlineData("primary_*", "person_name", SettingsProblem.FieldWildcard)]
    [InlineData("notes?", "person_name", SettingsProblem.FieldWildcard)]
    [InlineData("%", "person_name", SettingsProblem.FieldWildcard)]
    [InlineData(".+", "person_name", SettingsProblem.FieldWildcard)]
    [InlineData("all", "person_name", SettingsProblem.FieldWildcard)]
    [InlineData("Primary Other", "person_name", SettingsProblem.FieldInvalid)]
    [InlineData("1field", "person_name", SettingsProblem.FieldInvalid)]
    [InlineData("primary_other_text", null, SettingsProblem.CategoryMissing)]
    [InlineData("primary_other_text", "names", SettingsProblem.CategoryUnknown)]
    [InlineData("primary_other_text", "*", SettingsProblem.CategoryUnknown)]
    [InlineData("primary_other_text", "scan_inconclusive", SettingsProblem.CategoryNotDowngradable)]
    public void Create_BadRule_IsRejectedWithStableCode(string? field, string? category, string code)
    {
        var result = DeidentificationSettings.Create([Rule(field, category)]);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Value);
        var problem = Assert.Single(result.Errors);
        Assert.Equal(code, problem.Code);
        Assert.Equal(0, problem.RuleIndex);
    }

    [Fact]
    public void Create_SeveralBadRules_ReportsEveryProblemWithItsIndex()
    {
        var result = DeidentificationSettings.Create(
        [
            Rule("primary_other_text", "person_name"),
            Rule("*", "email"),
            null,
            Rule("primary_other_text", "person_name"),
        ]);

        Assert.False(result.IsSuccess);
        Assert.Collection(
            result.Errors,
            p => Assert.Equal((1, SettingsProblem.FieldWildcard), (p.RuleIndex, p.Code)),
            p => Assert.Equal((2, SettingsProblem.FieldMissing), (p.RuleIndex, p.Code)),
            p => Assert.Equal((2, SettingsProblem.CategoryMissing), (p.RuleIndex, p.Code)),
            p => Assert.Equal((3, SettingsProblem.DuplicateRule), (p.RuleIndex, p.Code)));
    }
}
