using SpineMetsRegistry.Domain.Batches;

namespace SpineMetsRegistry.Domain.Tests.Batches;

/// <summary>
/// The tokenizer takes whole fields and runs of ordinary characters in one step. Fed one
/// character at a time it steps every character (no field or run with its terminator fits in
/// the block, but for an empty field's comma), so the two feedings must give the same records,
/// defects, rows and lines for any input and any limits.
/// </summary>
public sealed class CsvTokenizerFastPathTests
{
    public static TheoryData<string> Inputs() =>
    [
        "a,b,c\n1,2,3\n",
        "a,b\r\nlong value here,\"quoted, with comma\"\r\n",
        "a,b\n\"multi\nline\r\nfield\",x\ny,z",
        "a,b\nab\"cd,\"ef\"gh\n",
        "a,b\n\"unterminated,x\ny,z\n",
        "a,b,c\n,,\n   ,\t,\n",
        "a\r\n\r\n\n1234567890123456789\r",
        "h1,h2\n" + new string('x', 40) + "," + new string('y', 7) + "\n\"" + new string('q', 30) + "\"\n",
        "a,b\n\"x\ny\r\nz\",\"p\"\r\n\"q\"\r\"\",\"\"\"\"\n\"r\"s,t\n",
        "a,b,c\n,\"\",\n\"only\"\n" + new string('w', 20) + ",\"" + new string('v', 20) + "\"\r\n",
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Feed_WholeBlockOrCharByChar_SameRecords(string text)
    {
        foreach (var limits in new[] { new BatchReaderLimits(100, 1000, 10), new BatchReaderLimits(5, 12, 2), new BatchReaderLimits(6, 30, 3) })
        {
            var whole = Describe(Tokenize(text, limits, blockSize: text.Length));
            var stepped = Describe(Tokenize(text, limits, blockSize: 1));

            Assert.Equal(stepped, whole);
        }
    }

    [Fact]
    public void Feed_FieldCrossesLimitInsideRun_DefectNamesThatField()
    {
        var records = Tokenize("a,b\n1," + new string('x', 12) + "\n", new BatchReaderLimits(10, 1000, 10), blockSize: 64);

        var defect = Assert.Single(records[1].Defects);
        Assert.Equal("Field 2 is longer than 10 characters.", defect.Message);
        Assert.Equal(new string('x', 10), records[1].Fields[1]);
    }

    private static List<TokenizedRecord> Tokenize(string text, BatchReaderLimits limits, int blockSize)
    {
        var tokenizer = new CsvTokenizer(limits);
        var records = new List<TokenizedRecord>();
        for (var start = 0; start < text.Length; start += blockSize)
        {
            records.AddRange(tokenizer.Feed(text.AsSpan(start, Math.Min(blockSize, text.Length - start)), endOfInput: false));
        }

        records.AddRange(tokenizer.Feed([], endOfInput: true));
        return records;
    }

    private static List<string> Describe(List<TokenizedRecord> records) =>
        [.. records.Select(r => $"{r.Row}|{r.Line}|{r.FieldCountSeen}|{r.IsBlank}|{string.Join("\u241F", r.Fields)}|{string.Join(";", r.Defects.Select(d => d.Code + ":" + d.Message))}")];
}
