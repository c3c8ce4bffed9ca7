using SpineMetsRegistry.Domain.Batches;

namespace SpineMetsRegistry.Domain.Tests.Batches;

public sealed class BatchFormatsTests
{
    [Theory]
    [InlineData("batch.csv", BatchFormat.Csv)]
    [InlineData("BATCH.CSV", BatchFormat.Csv)]
    [InlineData("2026-06.site.csv", BatchFormat.Csv)]
    [InlineData("batch.jsonl", BatchFormat.JsonLines)]
    [InlineData("batch.NDJSON", BatchFormat.JsonLines)]
    public void TryFromFileName_KnownExtension_Format(string name, BatchFormat expected)
    {
        Assert.True(BatchFormats.TryFromFileName(name, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("batch.txt")]
    [InlineData("batch.xlsx")]
    [InlineData("batch.json")]
    [InlineData("batch.csv.gz")]
    [InlineData("batch")]
    [InlineData("")]
    public void TryFromFileName_OtherExtension_False(string name)
    {
        Assert.False(BatchFormats.TryFromFileName(name, out _));
    }
}
