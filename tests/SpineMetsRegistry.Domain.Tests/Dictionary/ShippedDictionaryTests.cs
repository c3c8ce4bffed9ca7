using System.Text.RegularExpressions;
using SpineMetsRegistry.Domain.Dictionary;

namespace SpineMetsRegistry.Domain.Tests.Dictionary;

/// <summary>The shipped dictionary loads and holds what issue 2 requires of it.</summary>
public sealed partial class ShippedDictionaryTests
{
    private static readonly DataDictionary Shipped = DataDictionary.Default;

    [Fact]
    public void Default_EmbeddedResource_LoadsVersionedDictionary()
    {
        Assert.Equal("1.0.0", Shipped.Version);
        Assert.NotEmpty(Shipped.Fields);
        Assert.Equal(["enrollment", "followup", "withdrawal"], Shipped.RecordTypes.Select(r => r.Code));
    }

    [Fact]
    public void Fields_EveryCode_IsRedcapLegalAndUnique()
    {
        var codes = Shipped.Fields.Select(f => f.Code).ToList();

        Assert.All(codes, code => Assert.Matches(RedcapVariableName(), code));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Fields_EveryField_HasLabelAndValidTypeDetails()
    {
        Assert.All(Shipped.Fields, field =>
        {
            Assert.False(string.IsNullOrWhiteSpace(field.Label), field.Code);
            Assert.NotEmpty(field.RecordTypes);
            Assert.All(field.RecordTypes, type => Assert.True(Shipped.HasRecordType(type), $"{field.Code}: {type}"));
            if (field.Type is FieldType.Code or FieldType.LevelList)
            {
                Assert.True(field.CodeList is { Entries.Count: > 0 }, field.Code);
            }

            if (field.Type is FieldType.Integer or FieldType.Decimal or FieldType.Age)
            {
                Assert.True(field.Min is not null && field.Max is not null && field.Min <= field.Max, field.Code);
            }
        });
    }

    [Theory]
    [InlineData("enrollment")]
    [InlineData("followup")]
    [InlineData("withdrawal")]
    public void FieldsOf_EveryRecordType_StartsWithRequiredRecordTypeAndStudyId(string recordType)
    {
        var fields = Shipped.FieldsOf(recordType).ToList();

        Assert.Equal(DataDictionary.RecordTypeField, fields[0].Code);
        Assert.Equal(DataDictionary.StudyIdField, fields[1].Code);
        Assert.All(fields.Take(2), f => Assert.Equal(RequirementLevel.Required, f.Requirement.Level));
    }

    [Theory]
    // Enrollment (baseline) contents named by issue 2.
    [InlineData("enrollment", "study_id", FieldType.Text)]
    [InlineData("enrollment", "age_at_index", FieldType.Age)]
    [InlineData("enrollment", "sex", FieldType.Code)]
    [InlineData("enrollment", "index_date", FieldType.Date)]
    [InlineData("enrollment", "index_treatment", FieldType.Code)]
    [InlineData("enrollment", "surgery_type", FieldType.Code)]
    [InlineData("enrollment", "primary_tumour", FieldType.Code)]
    [InlineData("enrollment", "primary_other_text", FieldType.Text)]
    [InlineData("enrollment", "index_level", FieldType.Code)]
    [InlineData("enrollment", "lesion_levels", FieldType.LevelList)]
    [InlineData("enrollment", "spinal_mets_count", FieldType.Integer)]
    [InlineData("enrollment", "extraspinal_mets_count", FieldType.Integer)]
    [InlineData("enrollment", "visceral_mets", FieldType.Code)]
    [InlineData("enrollment", "sins_pain", FieldType.Code)]
    [InlineData("enrollment", "sins_bone_lesion", FieldType.Code)]
    [InlineData("enrollment", "sins_alignment", FieldType.Code)]
    [InlineData("enrollment", "sins_collapse", FieldType.Code)]
    [InlineData("enrollment", "sins_posterolateral", FieldType.Code)]
    [InlineData("enrollment", "bilsky_grade", FieldType.Code)]
    [InlineData("enrollment", "ecog", FieldType.Integer)]
    [InlineData("enrollment", "kps", FieldType.Integer)]
    [InlineData("enrollment", "asia_grade", FieldType.Code)]
    [InlineData("enrollment", "frankel_grade", FieldType.Code)]
    [InlineData("enrollment", "ambulatory_status", FieldType.Code)]
    [InlineData("enrollment", "albumin_g_l", FieldType.Decimal)]
    [InlineData("enrollment", "nrs_pain", FieldType.Integer)]
    [InlineData("enrollment", "eq5d_version", FieldType.Code)]
    [InlineData("enrollment", "eq_vas", FieldType.Integer)]
    // Follow-up visit contents named by issue 2.
    [InlineData("followup", "study_id", FieldType.Text)]
    [InlineData("followup", "time_point", FieldType.Code)]
    [InlineData("followup", "visit_date", FieldType.Date)]
    [InlineData("followup", "vital_status", FieldType.Code)]
    [InlineData("followup", "death_date", FieldType.Date)]
    [InlineData("followup", "nrs_pain", FieldType.Integer)]
    [InlineData("followup", "eq5d_version", FieldType.Code)]
    [InlineData("followup", "eq_vas", FieldType.Integer)]
    [InlineData("followup", "asia_grade", FieldType.Code)]
    [InlineData("followup", "frankel_grade", FieldType.Code)]
    [InlineData("followup", "ambulatory_status", FieldType.Code)]
    [InlineData("followup", "saves_grade", FieldType.Code)]
    [InlineData("followup", "reoperation", FieldType.Boolean)]
    [InlineData("followup", "local_recurrence", FieldType.Boolean)]
    public void FieldsOf_RequiredContent_IsPresentWithType(string recordType, string code, FieldType type)
    {
        var field = Assert.Single(Shipped.FieldsOf(recordType), f => f.Code == code);
        Assert.Equal(type, field.Type);
    }

    [Theory]
    [InlineData("enrollment")]
    [InlineData("followup")]
    public void FieldsOf_OutcomeRecordTypes_HaveTwentySosgoqItemsAndFiveEq5dDimensions(string recordType)
    {
        var fields = Shipped.FieldsOf(recordType).ToList();

        var sosgoq = fields.Where(f => f.Instruments.Contains("sosgoq2")).ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"sosgoq_{i:D2}"), sosgoq.Select(f => f.Code));
        Assert.All(sosgoq, f => Assert.Equal((1m, 5m), (f.Min!.Value, f.Max!.Value)));

        string[] dimensions = ["eq5d_mo", "eq5d_sc", "eq5d_ua", "eq5d_pd", "eq5d_ad"];
        Assert.All(dimensions, code => Assert.Contains(fields, f => f.Code == code && f.Type == FieldType.Integer && f.Max == 5));
    }

    [Fact]
    public void AgeAtIndex_TopCodedAt90Plus()
    {
        var age = Shipped.Field("age_at_index");

        Assert.Equal("90+", age.TopCode);
        Assert.Equal(18, age.Min);
        Assert.Equal(89, age.Max);
    }

    [Theory]
    [InlineData("primary_tumour", new[] { "lung", "breast", "prostate", "kidney", "thyroid", "colon", "rectum", "melanoma", "myeloma", "lymphoma", "liver", "stomach", "bladder", "uterus", "sarcoma", "unknown", "other" })]
    [InlineData("index_treatment", new[] { "surgery", "radiotherapy", "sbrt", "combined" })]
    [InlineData("visceral_mets", new[] { "none", "removable", "unremovable" })]
    [InlineData("bilsky_grade", new[] { "0", "1a", "1b", "1c", "2", "3" })]
    [InlineData("asia_grade", new[] { "A", "B", "C", "D", "E" })]
    [InlineData("frankel_grade", new[] { "A", "B", "C", "D", "E" })]
    [InlineData("eq5d_version", new[] { "3L", "5L" })]
    [InlineData("time_point", new[] { "6w", "12w", "26w", "52w", "unscheduled" })]
    [InlineData("vital_status", new[] { "alive", "deceased", "lost" })]
    [InlineData("saves_grade", new[] { "none", "I", "II", "III", "IV" })]
    [InlineData("index_level", new[] { "C1", "C7", "T1", "T12", "L1", "L5", "S1" })]
    public void CodeList_RequiredCodes_AreAllPresent(string fieldCode, string[] required)
    {
        var codes = Shipped.Field(fieldCode).CodeList!.Entries.Select(e => e.Code).ToList();

        Assert.All(required, code => Assert.Contains(code, codes));
    }

    [Theory]
    [InlineData("ecog", 0, 5, null)]
    [InlineData("kps", 0, 100, 10)]
    [InlineData("nrs_pain", 0, 10, null)]
    [InlineData("eq_vas", 0, 100, null)]
    public void NumericScale_RangeAndStep_MatchInstrument(string code, int min, int max, int? step)
    {
        var field = Shipped.Field(code);

        Assert.Equal(min, field.Min);
        Assert.Equal(max, field.Max);
        Assert.Equal(step, (int?)field.Step);
    }

    [Theory]
    [InlineData("surgery_type", "index_treatment", new[] { "surgery", "combined" })]
    [InlineData("surgery_other_text", "surgery_type", new[] { "other" })]
    [InlineData("primary_other_text", "primary_tumour", new[] { "other" })]
    [InlineData("death_date", "vital_status", new[] { "deceased" })]
    public void Requirement_ConditionalFields_RequiredOnlyWhenConditionHolds(string code, string conditionField, string[] values)
    {
        var requirement = Shipped.Field(code).Requirement;

        Assert.Equal(RequirementLevel.Required, requirement.Level);
        Assert.Equal(conditionField, requirement.When!.Field);
        Assert.Equal(values, requirement.When.Values);
        Assert.Equal(RequirementLevel.Forbidden, requirement.Otherwise);
    }

    [Fact]
    public void Rules_PerformanceStatusAndInstrumentCompleteness_AreDeclared()
    {
        var rules = Shipped.Rules.ToDictionary(r => r.Code);

        Assert.Equal((DictionaryRuleKind.AtLeastOneOf, true), (rules["performance_status"].Kind, rules["performance_status"].IsError));
        Assert.Equal(["ecog", "kps"], rules["performance_status"].Fields);
        Assert.Equal((DictionaryRuleKind.AllOrNone, false), (rules["eq5d_complete"].Kind, rules["eq5d_complete"].IsError));
        Assert.Equal((DictionaryRuleKind.AllOrNone, false), (rules["sins_complete"].Kind, rules["sins_complete"].IsError));
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,25}$")]
    private static partial Regex RedcapVariableName();
}
