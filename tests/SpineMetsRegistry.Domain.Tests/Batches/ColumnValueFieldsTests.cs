using SpineMetsRegistry.Domain.Batches;

namespace SpineMetsRegistry.Domain.Tests.Batches;

/// <summary>A row's fields as a view over the header's names and the row's values.</summary>
public sealed class ColumnValueFieldsTests
{
    [Fact]
    public void Indexer_NarrowerRow_PairsEachValueWithItsColumn()
    {
        var fields = new ColumnValueFields(["a", "b", "c"], ["1", "2"]);

        Assert.Equal(2, fields.Count);
        Assert.Equal(new RawField("b", "2"), fields[1]);
        Assert.Equal([new RawField("a", "1"), new RawField("b", "2")], fields);
        Assert.Throws<ArgumentOutOfRangeException>(() => fields[2]);
    }

    [Fact]
    public void Constructor_RowWiderThanHeader_Refused()
    {
        Assert.Throws<ArgumentException>(() => new ColumnValueFields(["a"], ["1", "2"]));
    }

    [Fact]
    public async Task ReadAsync_RowWiderThanHeader_ExtraFieldNamedByPosition()
    {
        var run = await TestSupport.ReaderRun.CsvAsync("a,b\n1,2,3\n");

        Assert.Equal(["a", "b", "(column 3)"], run.Records[0].Fields.Select(f => f.Column));
        Assert.Equal(["1", "2", "3"], run.Values(0));
    }
}
