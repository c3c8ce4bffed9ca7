using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>Typed cells share the boxes of common values; the values themselves are unchanged.</summary>
public sealed class BoxedValuesTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1023L)]
    [InlineData(1024L)]
    [InlineData(-1L)]
    [InlineData(long.MaxValue)]
    public void Of_AnyInteger_BoxHoldsTheValue(long value)
    {
        Assert.Equal(value, Assert.IsType<long>(BoxedValues.Of(value)));
    }

    [Fact]
    public void Of_SmallIntegersAndFlags_SharedBoxes()
    {
        Assert.Same(BoxedValues.Of(42L), BoxedValues.Of(42L));
        Assert.Same(BoxedValues.Of(true), BoxedValues.Of(true));
        Assert.False(Assert.IsType<bool>(BoxedValues.Of(false)));
    }

    [Fact]
    public void Parse_IntegerCellsOfEveryForm_SameValueAndType()
    {
        var field = DataDictionary.Default.Field("kps");
        foreach (var text in new[] { "70", "+70", "070", "70.0" })
        {
            var parsed = FieldValueParser.Parse(field, text);
            Assert.True(parsed.IsSuccess, text);
            Assert.Equal(70L, Assert.IsType<long>(parsed.Value));
        }
    }
}
