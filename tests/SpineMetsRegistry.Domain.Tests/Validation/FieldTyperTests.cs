using System.Globalization;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Synthetic;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>
/// A field's <see cref="FieldTyper"/> types every cell as <see cref="FieldValueParser.Parse"/>
/// does: the same success, value (type, canonical text and scale), error code and message,
/// for generated cells of every dictionary field and for the odd spellings sites send.
/// </summary>
public sealed class FieldTyperTests
{
    private static readonly string[] OddCells =
    [
        "abc", "3,5", "22.0", "1e3", "+5", "-3", "007", "-0", "+0", "+-4", "--4", "12345678901234567890", "999999999999999999",
        "9999999999999999999", "-999999999999999999", "0.5", "-", "+", "１２", "٣", "4 2", "99999", "-99999", "5.", ".5", "-.5",
        "NaN", "∞", "0x1A", "1_000", "27.1", "27.10", "0.0", "0.00", "007.50", "-1.5", "+1.5", "1.2.3", "1..2", "8", "0",
        "1", "yes", "no", "YES", "Yes", "true", "TRUE", "false", "y", "Y", "n", "N", "maybe", "2", "10", "01", "00",
        "2026-03-14", "2026-02-30", "2026-13-01", "14/03/2026", "2026-3-14", "1999-12-31", "2024-02-29", "20260314",
        "90+", "90", "95", "89.5", "18", "17", "T9", "t9", "T9;T10", "T9; t10 ;L1", ";", "C1;C1", "x",
    ];

    [Fact]
    public void Parse_EveryFieldOverGeneratedAndOddCells_SameAsTheParser()
    {
        var cells = GeneratedCells();
        var compared = 0;
        foreach (var field in DataDictionary.Default.Fields)
        {
            var texts = new HashSet<string>(OddCells, StringComparer.Ordinal);
            texts.UnionWith(cells.GetValueOrDefault(field.Code, []));
            if (field.CodeList is { } codes)
            {
                foreach (var entry in codes.Entries)
                {
                    texts.UnionWith([entry.Code, entry.Code.ToUpperInvariant(), char.ToUpperInvariant(entry.Code[0]) + entry.Code[1..], entry.Code + "x"]);
                }
            }

            if (field.Min is { } min || field.Max is not null)
            {
                var low = (long)(field.Min ?? -50) - 3;
                var high = (long)(field.Max ?? 50) + 3;
                for (var n = low; n <= high; n++)
                {
                    texts.Add(n.ToString(CultureInfo.InvariantCulture));
                    texts.Add(n.ToString(CultureInfo.InvariantCulture) + ".5");
                }
            }

            compared += AssertSameAsParser(field, texts);
        }

        Assert.True(compared > 10_000, $"{compared} compared");
    }

    [Fact]
    public void Parse_FieldsWithBoundsAndStepsTheFastPathLeavesToTheParser_SameAsTheParser()
    {
        var integer = DataDictionary.Default.Fields.First(f => f.Type == FieldType.Integer && f.Step is not null);
        var decimalField = DataDictionary.Default.Fields.First(f => f.Type == FieldType.Decimal);
        FieldDefinition[] variants =
        [
            integer with { Step = 2.5m },
            integer with { Step = 3m, Min = null, Max = null },
            integer with { Step = -2m },
            integer with { Step = null, Min = 0.5m, Max = 10.5m },
            integer with { Step = null, Min = null, Max = null },
            decimalField with { Step = 0.5m },
            decimalField with { Min = null, Max = null },
            decimalField with { Min = -1.5m, Max = 2.25m },
        ];
        var texts = new HashSet<string>(OddCells, StringComparer.Ordinal);
        for (var n = -30; n <= 130; n++)
        {
            texts.Add(n.ToString(CultureInfo.InvariantCulture));
            texts.Add((n / 4m).ToString(CultureInfo.InvariantCulture));
        }

        var compared = variants.Sum(field => AssertSameAsParser(field, texts));
        Assert.True(compared > 2_000, $"{compared} compared");
    }

    [Theory]
    [InlineData("42", true, 42L)]
    [InlineData("-7", true, -7L)]
    [InlineData("+7", true, 7L)]
    [InlineData("007", true, 7L)]
    [InlineData("999999999999999999", true, 999_999_999_999_999_999L)]
    [InlineData("9999999999999999999", false, 0L)]
    [InlineData("", false, 0L)]
    [InlineData("-", false, 0L)]
    [InlineData("4.0", false, 0L)]
    [InlineData("1e3", false, 0L)]
    [InlineData("١٢", false, 0L)]
    public void TryPlainWhole_Text_ReadsOnlySignedAsciiDigits(string text, bool read, long expected)
    {
        Assert.Equal((read, expected), (FieldTyper.TryPlainWhole(text, out var value), value));
    }

    [Theory]
    [InlineData("27.1", true, "27.1")]
    [InlineData("27.10", true, "27.10")]
    [InlineData("0.00", true, "0.00")]
    [InlineData("8", true, "8")]
    [InlineData("007.50", true, "7.50")]
    [InlineData("-1.5", false, "0")]
    [InlineData(".5", false, "0")]
    [InlineData("5.", false, "0")]
    [InlineData("1.2.3", false, "0")]
    [InlineData("3,5", false, "0")]
    public void TryPlainDecimal_Text_ReadsDigitsWithOneInnerPointKeepingTheScale(string text, bool read, string expected)
    {
        Assert.Equal((read, expected), (FieldTyper.TryPlainDecimal(text, out var value), value.ToString(CultureInfo.InvariantCulture)));
    }

    private static int AssertSameAsParser(FieldDefinition field, IEnumerable<string> texts)
    {
        var typer = FieldTyper.For(field);
        Assert.Same(field, typer.Field);
        var compared = 0;
        foreach (var text in texts)
        {
            var trimmed = text.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            var expected = FieldValueParser.Parse(field, trimmed);
            var actual = typer.Parse(trimmed);
            Assert.True(expected.Error == actual.Error, $"{field.Code} '{trimmed}': {expected.Error} but {actual.Error}");
            Assert.Equal(Describe(expected.Value), Describe(actual.Value));
            compared++;
        }

        return compared;
    }

    private static string Describe(object? value) =>
        value is null ? "(none)" : value.GetType().Name + ":" + FieldValues.ToCanonical(value);

    // Every generated cell of each column (a small cohort with data-entry errors).
    private static Dictionary<string, List<string>> GeneratedCells()
    {
        var cells = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var row in SyntheticCohortGenerator.Generate(new SyntheticCohortOptions
        {
            SiteCode = "S01",
            Patients = 300,
            AsOf = new DateOnly(2026, 11, 1),
            Seed = 5,
            DataErrorRate = 0.05,
        }))
        {
            foreach (var (code, value) in row)
            {
                if (!cells.TryGetValue(code, out var list))
                {
                    cells[code] = list = [];
                }

                list.Add(value);
            }
        }

        return cells;
    }
}
