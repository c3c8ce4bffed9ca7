using SpineMetsRegistry.Domain.Csv;

namespace SpineMetsRegistry.Domain.Tests.Csv;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+1+1", "\"'+1+1\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("+44 20 7946 0000", "\"'+44 20 7946 0000\"")]
    [InlineData("-", "\"'-\"")]
    public void Render_FormulaTrigger_PrefixedWithQuoteAndQuoted(string value, string expected)
    {
        Assert.Equal(expected, CsvCell.Render(value));
    }

    [Theory]
    [InlineData("-0.12")]
    [InlineData("-3")]
    [InlineData("+3")]
    [InlineData("0.5")]
    [InlineData("12")]
    public void Render_PlainNumber_WrittenUnchanged(string value)
    {
        Assert.Equal(value, CsvCell.Render(value));
    }

    [Theory]
    [InlineData("-.5")]
    [InlineData("-1.")]
    [InlineData("-1e5")]
    [InlineData("-1,5")]
    [InlineData("- 1")]
    [InlineData("+")]
    public void IsPlainNumber_NotJustSignDigitsAndDot_False(string value)
    {
        Assert.False(CsvCell.IsPlainNumber(value));
    }

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("one\ntwo", "\"one\ntwo\"")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Render_OrdinaryText_QuotedOnlyWhenNeeded(string? value, string expected)
    {
        Assert.Equal(expected, CsvCell.Render(value));
    }

    [Fact]
    public void WriteRow_Fields_JoinedWithCommasAndTheLineEnding()
    {
        using var output = new StringWriter();

        new CsvRowWriter(output, "\r\n").WriteRow(["a", null, "=x", "-1"]);

        Assert.Equal("a,,\"'=x\",-1\r\n", output.ToString());
    }
}
