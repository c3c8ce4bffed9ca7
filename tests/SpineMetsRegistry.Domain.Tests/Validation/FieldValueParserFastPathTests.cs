using System.Globalization;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>
/// The fast paths of cell typing (plain whole numbers checked against their range and step
/// with integer arithmetic, ISO dates read without the format parser) give exactly what the
/// general paths give: the same values, codes and messages.
/// </summary>
public sealed class FieldValueParserFastPathTests
{
    [Fact]
    public void Parse_WholeNumbersAroundEveryIntegerFieldsRange_SameAsTheDecimalPath()
    {
        var fields = DataDictionary.Default.Fields.Where(f => f.Type == FieldType.Integer).ToList();
        var stepped = fields.Where(f => f.Step is not null).ToList();
        Assert.NotEmpty(stepped);

        // A step that is not whole, and a whole step on an unbounded field, beside the dictionary's own.
        fields.Add(stepped[0] with { Code = "half_step", Step = 2.5m });
        fields.Add(stepped[0] with { Code = "unbounded_step", Step = 3m, Min = null, Max = null });
        var compared = 0;
        foreach (var field in fields)
        {
            var low = (long)(field.Min ?? -50) - 25;
            var high = (long)(field.Max ?? 50) + 25;
            for (var n = low; n <= high; n++)
            {
                var whole = n.ToString(CultureInfo.InvariantCulture);

                // "n.0" is not a plain whole number: it takes the general (decimal) path.
                var general = FieldValueParser.Parse(field, whole + ".0");
                var fast = FieldValueParser.Parse(field, whole);
                Assert.Equal((general.IsSuccess, general.Value, general.Error), (fast.IsSuccess, fast.Value, fast.Error));
                compared++;
            }
        }

        Assert.True(compared > 500, $"{compared} compared");
    }

    [Fact]
    public void TryReadIsoDate_GeneratedDayTexts_SameAsTheFormatParser()
    {
        var texts = new List<string>();
        for (var day = new DateOnly(1999, 12, 1); day <= new DateOnly(2001, 3, 31); day = day.AddDays(1))
        {
            texts.Add(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        texts.AddRange(
        [
            "2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
            "0000-01-01", "0001-01-01", "9999-12-31", "2026-1-01", "2026-01-1", "26-01-01", "2026/01/01", "2026-01-01 ",
            " 2026-01-01", "2026-01-0a", "２０２６-01-01", "2026-01-01T00", "20260101", "2026--1-01", "2026-+1-01", "",
        ]);
        foreach (var text in texts)
        {
            var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
            var read = FieldValueParser.TryReadIsoDate(text, out var date);

            // The fast path may decline (the parser then decides), but never disagrees.
            if (read)
            {
                Assert.True(expected, text);
                Assert.Equal(parsed, date);
            }
            else
            {
                Assert.False(expected && text.Length == 10 && char.IsAsciiDigit(text[0]) && text[4] == '-' && text[7] == '-', text);
            }
        }

        Assert.True(FieldValueParser.TryReadIsoDate("2026-03-14", out var usual));
        Assert.Equal(new DateOnly(2026, 3, 14), usual);
    }
}
