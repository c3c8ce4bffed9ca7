using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Batches;

public sealed class JsonLinesBatchReaderTests
{
    [Fact]
    public async Task ReadAsync_Objects_KeysInOrderRowIsLineNumber()
    {
        var run = await ReaderRun.JsonLinesAsync("{\"b\":\"1\",\"a\":\"2\"}\n{\"c\":\"3\"}\n");

        Assert.Null(run.Columns);
        Assert.Equal([1, 2], run.Records.Select(r => r.Row));
        Assert.Equal(["b", "a"], run.Records[0].Fields.Select(f => f.Column));
        Assert.Equal(["1", "2"], run.Values(0));
    }

    [Theory]
    [InlineData("22", "22")]
    [InlineData("22.0", "22.0")]
    [InlineData("-0", "-0")]
    [InlineData("1e2", "1e2")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "")]
    [InlineData("\"text\"", "text")]
    [InlineData("\"caf\\u00e9\"", "café")]
    [InlineData("[\"T11\",\"T12\",\"L1\"]", "T11;T12;L1")]
    [InlineData("[1, 2.5]", "1;2.5")]
    [InlineData("[]", "")]
    public async Task ReadAsync_ScalarValue_KeepsItsText(string json, string expected)
    {
        var run = await ReaderRun.JsonLinesAsync($"{{\"k\":{json}}}\n");

        Assert.Empty(run.Records[0].Defects);
        Assert.Equal(expected, Assert.Single(run.Values(0)));
    }

    [Theory]
    [InlineData("{\"k\":{\"x\":1}}")]
    [InlineData("{\"k\":[{\"x\":1}]}")]
    [InlineData("{\"k\":[[1]]}")]
    public async Task ReadAsync_NestedValue_JsonNestedValueOnThatKey(string line)
    {
        var run = await ReaderRun.JsonLinesAsync(line + "\n");

        var defect = Assert.Single(run.Records[0].Defects);
        Assert.Equal((ProblemCodes.JsonNestedValue, "k"), (defect.Code, defect.Column));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("42")]
    [InlineData("\"just a string\"")]
    [InlineData("null")]
    [InlineData("true")]
    public async Task ReadAsync_ValidJsonNotAnObject_JsonNotObject(string line)
    {
        var run = await ReaderRun.JsonLinesAsync(line + "\n");

        Assert.Equal([ProblemCodes.JsonNotObject], run.DefectCodes(0));
        Assert.Equal(JsonLinesBatchReader.UnparsedLineColumn, Assert.Single(run.Records[0].Fields).Column);
    }

    [Theory]
    [InlineData("{\"a\":1")]
    [InlineData("{a:1}")]
    [InlineData("{'a':'1'}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("// comment")]
    [InlineData("{\"a\":1} // comment")]
    [InlineData("{\"a\":1} trailing")]
    [InlineData("{\"a\":1}{\"b\":2}")]
    [InlineData("{\"a\":01}")]
    [InlineData("{\"a\":NaN}")]
    public async Task ReadAsync_NotValidJson_InvalidJson(string line)
    {
        var run = await ReaderRun.JsonLinesAsync(line + "\n{\"ok\":\"1\"}\n");

        Assert.Contains(ProblemCodes.InvalidJson, run.DefectCodes(0));
        Assert.Empty(run.Records[1].Defects);
    }

    [Fact]
    public async Task ReadAsync_InvalidJson_MessageGivesPositionNotContent()
    {
        var run = await ReaderRun.JsonLinesAsync("{\"a\": ZZTOKEN123}\n");

        var defect = Assert.Single(run.Records[0].Defects);
        Assert.DoesNotContain("ZZTOKEN123", defect.Message, StringComparison.Ordinal);
        Assert.Contains("error at byte", defect.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DuplicateKey_DuplicateColumnOnKeyFirstValueKept()
    {
        var run = await ReaderRun.JsonLinesAsync("{\"a\":\"1\",\"a\":\"2\"}\n");

        var defect = Assert.Single(run.Records[0].Defects);
        Assert.Equal((ProblemCodes.DuplicateColumn, "a"), (defect.Code, defect.Column));
        Assert.Equal(["1"], run.Values(0));
    }

    [Fact]
    public async Task ReadAsync_MoreKeysThanLimit_TooManyColumns()
    {
        var run = await ReaderRun.JsonLinesAsync("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}\n", new BatchReaderLimits(100, 1000, 3));

        Assert.Equal([ProblemCodes.TooManyColumns], run.DefectCodes(0));
    }

    [Fact]
    public async Task ReadAsync_StringLongerThanLimit_FieldTooLong()
    {
        var run = await ReaderRun.JsonLinesAsync("{\"a\":\"123456\",\"b\":\"12345\"}\n", new BatchReaderLimits(5, 1000, 10));

        var defect = Assert.Single(run.Records[0].Defects);
        Assert.Equal((ProblemCodes.FieldTooLong, "a"), (defect.Code, defect.Column));
    }

    [Fact]
    public async Task ReadAsync_LineLongerThanLimit_RecordTooLongAndNextLineRead()
    {
        var run = await ReaderRun.JsonLinesAsync("{\"a\":\"" + new string('x', 100) + "\"}\n{\"b\":\"1\"}\n", new BatchReaderLimits(1000, 50, 10));

        Assert.Equal([ProblemCodes.RecordTooLong], run.DefectCodes(0));
        Assert.Equal((2, "b"), (run.Records[1].Row, run.Records[1].Fields[0].Column));
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_InvalidEncodingAndValuesStillRead()
    {
        byte[] content = [.. "{\"a\":\"Infecci"u8, 0xF3, .. "n\"}\n"u8];

        var run = await ReaderRun.ReadAsync(content, BatchFormat.JsonLines);

        Assert.Equal([ProblemCodes.InvalidEncoding], run.DefectCodes(0));
        Assert.Equal("Infecci\uFFFDn", run.Values(0)[0]);
    }

    [Fact]
    public async Task ReadAsync_CrlfAndBlankLines_CrStrippedBlankRunsBetweenAndAfterRecords()
    {
        var run = await ReaderRun.JsonLinesAsync("\r\n{\"a\":\"1\"}\r\n\r\n  \r\n{\"a\":\"2\"}\r\n\r\n");

        Assert.Equal([2, 5], run.Records.Select(r => r.Row));
        Assert.All(run.Records, r => Assert.Empty(r.Defects));
        Assert.Equal([new BlankRun(3, 2), new BlankRun(6, 1, AtEndOfFile: true)], run.BlankRuns);
    }

    [Theory]
    [InlineData("", ProblemCodes.EmptyFile)]
    [InlineData("\uFEFF", ProblemCodes.EmptyFile)]
    [InlineData("\n\n  \n", ProblemCodes.NoRecords)]
    public async Task ReadAsync_NoRecord_FileProblem(string text, string code)
    {
        var run = await ReaderRun.JsonLinesAsync(text);

        Assert.Empty(run.Records);
        Assert.Equal([code], run.FileProblems.Select(p => p.Code));
    }

    [Fact]
    public async Task ReadAsync_LastLineWithoutNewline_Read()
    {
        var run = await ReaderRun.JsonLinesAsync("{\"a\":\"1\"}\n{\"a\":\"2\"}");

        Assert.Equal(2, run.Records.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(4096)]
    public async Task ReadAsync_StreamDeliversSmallPieces_SameRecords(int chunk)
    {
        var content = Encoding.UTF8.GetBytes("\uFEFF{\"a\":\"é€\"}\r\n{\"b\":[\"T1\",\"T2\"]}\n");

        var run = await ReaderRun.ReadAsync(new TrickleStream(content, chunk), BatchFormat.JsonLines);

        Assert.All(run.Records, r => Assert.Empty(r.Defects));
        Assert.Equal(["é€", "T1;T2"], run.Records.Select(r => r.Fields[0].Value));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task ReadAsync_Utf16DeliveredInSmallPieces_StillUnsupportedEncoding(int chunk)
    {
        var content = Encoding.Unicode.GetBytes("{\"a\":\"1\"}\n");

        var run = await ReaderRun.ReadAsync(new TrickleStream(content, chunk), BatchFormat.JsonLines);

        Assert.Empty(run.Records);
        Assert.Equal([ProblemCodes.UnsupportedEncoding], run.FileProblems.Select(p => p.Code));
    }

    [Fact]
    public async Task ReadAsync_LinesAcrossBlockBoundary_Intact()
    {
        var text = new StringBuilder();
        var lines = 0;
        while (text.Length < 3 * 65_536)
        {
            text.Append("{\"n\":\"").Append(lines++).Append("\",\"t\":\"ééé\"}\n");
        }

        var run = await ReaderRun.JsonLinesAsync(text.ToString());

        Assert.Equal(lines, run.Records.Count);
        Assert.All(run.Records, r => Assert.Empty(r.Defects));
        Assert.Equal(Enumerable.Range(0, lines).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), run.Records.Select(r => r.Fields[0].Value));
    }
}
