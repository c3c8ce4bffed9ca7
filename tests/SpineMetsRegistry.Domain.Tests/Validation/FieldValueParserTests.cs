using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>
/// Typing one cell against its shipped dictionary field. Each row: field, cell text, and
/// either the canonical value it becomes or the problem code it earns.
/// </summary>
public sealed class FieldValueParserTests
{
    private const string Ok = "ok";

    public static TheoryData<string, string, string, string?> Cases => new()
    {
        // Integer: "22.0" and "+22" are whole numbers too (REDCap users' top complaint).
        { "spinal_mets_count", "22", Ok, "22" },
        { "spinal_mets_count", "22.0", Ok, "22" },
        { "spinal_mets_count", "+22", Ok, "22" },
        { "spinal_mets_count", "022", Ok, "22" },
        { "spinal_mets_count", "22.000", Ok, "22" },
        { "spinal_mets_count", "22.5", ProblemCodes.InvalidType, null },
        { "spinal_mets_count", "abc", ProblemCodes.InvalidType, null },
        { "spinal_mets_count", "NA", ProblemCodes.InvalidType, null },
        { "spinal_mets_count", "1e1", ProblemCodes.InvalidType, null },
        { "spinal_mets_count", "2 2", ProblemCodes.InvalidType, null },
        { "spinal_mets_count", "22,0", ProblemCodes.InvalidType, null },
        { "spinal_mets_count", "30", Ok, "30" },
        { "spinal_mets_count", "31", ProblemCodes.OutOfRange, null },
        { "spinal_mets_count", "0", ProblemCodes.OutOfRange, null },
        { "spinal_mets_count", "-1", ProblemCodes.OutOfRange, null },
        { "extraspinal_mets_count", "0", Ok, "0" },
        { "nrs_pain", "10", Ok, "10" },
        { "nrs_pain", "11", ProblemCodes.OutOfRange, null },
        { "ecog", "5", Ok, "5" },
        { "ecog", "6", ProblemCodes.OutOfRange, null },

        // KPS moves in steps of 10.
        { "kps", "70", Ok, "70" },
        { "kps", "70.0", Ok, "70" },
        { "kps", "0", Ok, "0" },
        { "kps", "100", Ok, "100" },
        { "kps", "75", ProblemCodes.OutOfRange, null },
        { "kps", "110", ProblemCodes.OutOfRange, null },

        // Decimal: a dot, never a comma.
        { "albumin_g_l", "35", Ok, "35" },
        { "albumin_g_l", "35.5", Ok, "35.5" },
        { "albumin_g_l", "+35.5", Ok, "35.5" },
        { "albumin_g_l", "35,5", ProblemCodes.InvalidType, null },
        { "albumin_g_l", "1,234.5", ProblemCodes.InvalidType, null },
        { "albumin_g_l", "3.5e1", ProblemCodes.InvalidType, null },
        { "albumin_g_l", "9.9", ProblemCodes.OutOfRange, null },
        { "albumin_g_l", "60.01", ProblemCodes.OutOfRange, null },
        { "rt_dose_gy", "8", Ok, "8" },

        // Dates: ISO 8601 calendar dates only, and real ones.
        { "index_date", "2026-03-14", Ok, "2026-03-14" },
        { "index_date", "2024-02-29", Ok, "2024-02-29" },
        { "index_date", "2026-02-30", ProblemCodes.InvalidType, null },
        { "index_date", "2025-02-29", ProblemCodes.InvalidType, null },
        { "index_date", "2026-13-01", ProblemCodes.InvalidType, null },
        { "index_date", "2026-3-14", ProblemCodes.InvalidType, null },
        { "index_date", "14/03/2026", ProblemCodes.InvalidType, null },
        { "index_date", "03/14/2026", ProblemCodes.InvalidType, null },
        { "index_date", "20260314", ProblemCodes.InvalidType, null },
        { "index_date", "2026-03-14T10:00", ProblemCodes.InvalidType, null },
        { "index_date", "14 March 2026", ProblemCodes.InvalidType, null },

        // Codes: matched ignoring case, stored canonically.
        { "sex", "female", Ok, "female" },
        { "sex", "FEMALE", Ok, "female" },
        { "sex", "Female", Ok, "female" },
        { "sex", "f", ProblemCodes.InvalidCode, null },
        { "sex", "woman", ProblemCodes.InvalidCode, null },
        { "index_level", "t8", Ok, "T8" },
        { "bilsky_grade", "1A", Ok, "1a" },
        { "bilsky_grade", "1d", ProblemCodes.InvalidCode, null },
        { "eq5d_version", "5l", Ok, "5L" },
        { "eq5d_version", "EQ-5D-5L", ProblemCodes.InvalidCode, null },
        { "saves_grade", "iv", Ok, "IV" },
        { "time_point", "12W", Ok, "12w" },
        { "time_point", "3m", ProblemCodes.InvalidCode, null },
        { "primary_tumour", "Unknown", Ok, "unknown" },

        // Level lists: semicolon-separated codes, canonical and de-duplicated.
        { "lesion_levels", "T7;T8", Ok, "T7;T8" },
        { "lesion_levels", "t7 ; T8 ;", Ok, "T7;T8" },
        { "lesion_levels", "T8;t8", Ok, "T8" },
        { "lesion_levels", "T7,T8", ProblemCodes.InvalidCode, null },
        { "lesion_levels", "T7;X1", ProblemCodes.InvalidCode, null },
        { "lesion_levels", ";", ProblemCodes.InvalidCode, null },

        // Yes/no in the forms sites export (REDCap exports 1/0).
        { "reoperation", "yes", Ok, "true" },
        { "reoperation", "YES", Ok, "true" },
        { "reoperation", "y", Ok, "true" },
        { "reoperation", "1", Ok, "true" },
        { "reoperation", "True", Ok, "true" },
        { "reoperation", "no", Ok, "false" },
        { "reoperation", "N", Ok, "false" },
        { "reoperation", "0", Ok, "false" },
        { "reoperation", "false", Ok, "false" },
        { "reoperation", "maybe", ProblemCodes.InvalidType, null },
        { "reoperation", "2", ProblemCodes.InvalidType, null },
        { "reoperation", "ja", ProblemCodes.InvalidType, null },

        // Age: adults, top-coded at "90+" (HIPAA Safe Harbor): 90 itself must be "90+".
        { "age_at_index", "90+", Ok, "90+" },
        { "age_at_index", "18", Ok, "18" },
        { "age_at_index", "89", Ok, "89" },
        { "age_at_index", "64.0", Ok, "64" },
        { "age_at_index", "90", ProblemCodes.OutOfRange, null },
        { "age_at_index", "93", ProblemCodes.OutOfRange, null },
        { "age_at_index", "17", ProblemCodes.OutOfRange, null },
        { "age_at_index", "64.5", ProblemCodes.InvalidType, null },
        { "age_at_index", "sixty", ProblemCodes.InvalidType, null },
        { "age_at_index", "90 +", ProblemCodes.InvalidType, null },
        { "age_at_index", ">89", ProblemCodes.InvalidType, null },

        // EQ-5D levels (the 3L cap depends on the version: see the record rules).
        { "eq5d_mo", "5", Ok, "5" },
        { "eq5d_mo", "6", ProblemCodes.OutOfRange, null },
        { "eq5d_mo", "0", ProblemCodes.OutOfRange, null },
        { "eq_vas", "100", Ok, "100" },
        { "eq_vas", "101", ProblemCodes.OutOfRange, null },
        { "sosgoq_20", "1", Ok, "1" },
        { "sosgoq_20", "6", ProblemCodes.OutOfRange, null },

        // Text: bounded length.
        { "study_id", new string('A', 32), Ok, new string('A', 32) },
        { "study_id", new string('A', 33), ProblemCodes.TooLong, null },
        { "surgery_other_text", new string('x', 200), Ok, new string('x', 200) },
        { "surgery_other_text", new string('x', 201), ProblemCodes.TooLong, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_Cell_CanonicalValueOrProblemCode(string fieldCode, string text, string expected, string? canonical)
    {
        var result = FieldValueParser.Parse(DataDictionary.Default.Field(fieldCode), text);

        if (expected == Ok)
        {
            Assert.True(result.IsSuccess, result.Error?.Message);
            Assert.Equal(canonical, FieldValues.ToCanonical(result.Value!));
        }
        else
        {
            Assert.False(result.IsSuccess);
            Assert.Equal(expected, result.Error.Code);
            Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        }
    }

    [Fact]
    public void Parse_DecimalComma_MessageExplainsTheDot()
    {
        var result = FieldValueParser.Parse(DataDictionary.Default.Field("albumin_g_l"), "35,5");

        Assert.Contains("dot", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AgeAbove89_MessageAsksForTopCode()
    {
        var result = FieldValueParser.Parse(DataDictionary.Default.Field("age_at_index"), "93");

        Assert.Contains("\"90+\"", result.Error?.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("93", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TopCodedAge_IsFlaggedAndNinety()
    {
        var result = FieldValueParser.Parse(DataDictionary.Default.Field("age_at_index"), "90+");

        Assert.Equal(new AgeAtIndex(90, IsTopCoded: true), result.Value);
    }

    [Theory]
    [InlineData("spinal_mets_count", "22.0", typeof(long))]
    [InlineData("albumin_g_l", "35.5", typeof(decimal))]
    [InlineData("index_date", "2026-03-14", typeof(DateOnly))]
    [InlineData("reoperation", "1", typeof(bool))]
    [InlineData("lesion_levels", "T7;T8", typeof(string[]))]
    [InlineData("sex", "male", typeof(string))]
    public void Parse_ValidCell_ValueHasFieldsClrType(string fieldCode, string text, Type type)
    {
        Assert.IsType(type, FieldValueParser.Parse(DataDictionary.Default.Field(fieldCode), text).Value);
    }
}
