using Azure.Data.Tables;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Tests.Tables;

public sealed class LongTextTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(30_000, 1)]
    [InlineData(30_001, 2)]
    [InlineData(95_000, 4)]
    public void WriteRead_TextOfLength_RoundTripsInParts(int length, int parts)
    {
        var text = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))));
        var entity = new TableEntity("p", "r");

        LongText.Write(entity, "Json", text);

        Assert.Equal(text, LongText.Read(entity, "Json"));
        Assert.Equal(parts, entity.Keys.Count(k => k == "Json" || (k.StartsWith("Json__", StringComparison.Ordinal) && k != "Json__parts")));
        Assert.All(entity.Select(p => p.Value).OfType<string>(), v => Assert.True(v.Length <= EntityLimits.MaxStringChars));
    }

    [Fact]
    public void Write_SurrogatePairAtPartBoundary_NotSplit()
    {
        var text = new string('a', 29_999) + "\U0001F600" + "tail";
        var entity = new TableEntity("p", "r");

        LongText.Write(entity, "Json", text);

        Assert.Equal(29_999, entity.GetString("Json")!.Length);
        Assert.Equal(text, LongText.Read(entity, "Json"));
    }

    [Fact]
    public void Read_Absent_Null() => Assert.Null(LongText.Read(new TableEntity("p", "r"), "Json"));
}
