using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Bilsky;
using SpineMetsRegistry.Domain.Instruments.Change;
using SpineMetsRegistry.Domain.Instruments.Complications;
using SpineMetsRegistry.Domain.Instruments.Disease;
using SpineMetsRegistry.Domain.Instruments.Eq5d;
using SpineMetsRegistry.Domain.Instruments.Neurology;
using SpineMetsRegistry.Domain.Instruments.Sins;

namespace SpineMetsRegistry.Domain.Tests.Instruments;

/// <summary>The exact data-dictionary codes every categorical input must accept.</summary>
public sealed class CodeTableTests
{
    public static TheoryData<string, string[], string[]> Tables() => new()
    {
        { "sins pain", SinsCodes.Pain.Codes.ToArray(), ["mechanical", "occasional", "none"] },
        { "sins bone lesion", SinsCodes.BoneLesion.Codes.ToArray(), ["lytic", "mixed", "blastic"] },
        { "sins alignment", SinsCodes.Alignment.Codes.ToArray(), ["subluxation", "deformity", "normal"] },
        { "sins collapse", SinsCodes.Collapse.Codes.ToArray(), ["over_50", "under_50", "no_collapse_over_50_involved", "none"] },
        { "sins posterolateral", SinsCodes.Posterolateral.Codes.ToArray(), ["bilateral", "unilateral", "none"] },
        {
            "primary", DiseaseCodes.PrimaryTumour.Codes.ToArray(),
            [
                "lung", "breast", "prostate", "kidney", "thyroid", "colon", "rectum", "melanoma", "myeloma", "lymphoma", "liver",
                "gallbladder", "stomach", "oesophagus", "pancreas", "bladder", "uterus", "cervix", "ovary", "sarcoma", "carcinoid",
                "germ_cell", "head_neck", "unknown", "other",
            ]
        },
        { "visceral", DiseaseCodes.VisceralMetastases.Codes.ToArray(), ["none", "removable", "unremovable"] },
        { "ambulation", DiseaseCodes.AmbulatoryStatus.Codes.ToArray(), ["independent", "assisted", "non_ambulatory"] },
        { "bilsky", BilskyCodes.Grade.Codes.ToArray(), ["0", "1a", "1b", "1c", "2", "3"] },
        { "asia", NeurologyCodes.Asia.Codes.ToArray(), ["A", "B", "C", "D", "E"] },
        { "frankel", NeurologyCodes.Frankel.Codes.ToArray(), ["A", "B", "C", "D", "E"] },
        { "eq5d version", Eq5dCodes.Version.Codes.ToArray(), ["3L", "5L"] },
        { "eq5d dimension", Eq5dCodes.Dimension.Codes.ToArray(), ["MO", "SC", "UA", "PD", "AD"] },
        { "saves", SavesCodes.Grade.Codes.ToArray(), ["I", "II", "III", "IV"] },
        { "change measure", ChangeCodes.Measure.Codes.ToArray(), ["sosgoq_total", "eq5d_index", "nrs_pain"] },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Codes_AreExactlyTheDataDictionaryCodes(string table, string[] actual, string[] expected)
    {
        Assert.True(expected.SequenceEqual(actual), $"{table}: [{string.Join(", ", actual)}]");
    }

    [Fact]
    public void Parse_EveryCodeOfEveryTable_RoundTripsCaseInsensitively()
    {
        AssertRoundTrip(SinsCodes.Pain);
        AssertRoundTrip(SinsCodes.BoneLesion);
        AssertRoundTrip(SinsCodes.Alignment);
        AssertRoundTrip(SinsCodes.Collapse);
        AssertRoundTrip(SinsCodes.Posterolateral);
        AssertRoundTrip(SinsCodes.Location);
        AssertRoundTrip(DiseaseCodes.PrimaryTumour);
        AssertRoundTrip(DiseaseCodes.VisceralMetastases);
        AssertRoundTrip(DiseaseCodes.AmbulatoryStatus);
        AssertRoundTrip(BilskyCodes.Grade);
        AssertRoundTrip(BilskyCodes.Grade1cPolicy);
        AssertRoundTrip(NeurologyCodes.Asia);
        AssertRoundTrip(NeurologyCodes.Frankel);
        AssertRoundTrip(Eq5dCodes.Version);
        AssertRoundTrip(Eq5dCodes.Dimension);
        AssertRoundTrip(SavesCodes.Grade);
        AssertRoundTrip(ChangeCodes.Measure);
    }

    [Fact]
    public void Parse_UnknownCode_FailsListingTheAcceptedCodes()
    {
        var result = SinsCodes.Collapse.Parse("over50");

        Assert.False(result.IsSuccess);
        Assert.Equal(ParseError.UnknownCode, result.Error!.Code);
        Assert.Contains("over_50, under_50, no_collapse_over_50_involved, none", result.Error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Parse_NoCode_FailsAsMissing(string? code)
    {
        Assert.Equal(ParseError.MissingCode, DiseaseCodes.PrimaryTumour.Parse(code).Error!.Code);
    }

    private static void AssertRoundTrip<T>(CodeTable<T> table)
        where T : struct, Enum
    {
        Assert.Equal(Enum.GetValues<T>().Length, table.Codes.Count);
        foreach (var value in Enum.GetValues<T>())
        {
            var code = table.ToCode(value);
            Assert.True(table.TryParse(code, out var parsed));
            Assert.Equal(value, parsed);
            Assert.True(table.TryParse(code.ToUpperInvariant(), out var upper));
            Assert.Equal(value, upper);
            Assert.True(table.TryParse(code.ToLowerInvariant(), out var lower));
            Assert.Equal(value, lower);
        }
    }
}

/// <summary>Hosts serialize results with a string-enum converter: coded values must come out as registry codes.</summary>
public sealed class CodedEnumJsonTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase) },
    };

    [Fact]
    public void Serialize_CodedEnums_WritesTheRegistryCodes()
    {
        var values = new object[] { BilskyGrade.Grade1c, SinsCollapse.Over50, PrimaryTumour.GermCell, SavesGrade.II, Eq5dVersion.FiveLevel, ChangeMeasure.NrsPain };

        var json = values.Select(v => System.Text.Json.JsonSerializer.Serialize(v, v.GetType(), Options));

        Assert.Equal(["\"1c\"", "\"over_50\"", "\"germ_cell\"", "\"II\"", "\"5L\"", "\"nrs_pain\""], json);
    }

    [Fact]
    public void Deserialize_RegistryCode_ReadsTheEnum()
    {
        Assert.Equal(BilskyGrade.Grade1b, System.Text.Json.JsonSerializer.Deserialize<BilskyGrade>("\"1b\"", Options));
    }
}
