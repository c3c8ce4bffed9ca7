using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Pain;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Pain;

public sealed class NrsPainTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    [InlineData("10", 10)]
    public void Parse_IntegerZeroToTen_Succeeds(string text, int expected)
    {
        Assert.True(NrsPain.TryParse(text, out var pain));
        Assert.Equal(expected, pain.Value);
    }

    [Theory]
    [InlineData("11", ParseError.OutOfRangeCode)]
    [InlineData("-1", ParseError.MalformedCode)]
    [InlineData("6.5", ParseError.MalformedCode)]
    [InlineData("seven", ParseError.MalformedCode)]
    [InlineData(null, ParseError.MalformedCode)]
    public void Parse_NotAnIntegerZeroToTen_Fails(string? text, string code)
    {
        Assert.Equal(code, NrsPain.Parse(text).Error!.Code);
    }
}
