using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Batches;

/// <summary>The RFC 4180 state machine: what it accepts, and each deviation it reports.</summary>
public sealed class CsvBatchReaderTests
{
    [Fact]
    public async Task ReadAsync_PlainCsv_FieldsNamedByHeaderAndRowsCountedFromHeader()
    {
        var run = await ReaderRun.CsvAsync("a,b,c\n1,2,3\n4,5,6\n");

        Assert.Equal(["a", "b", "c"], run.Columns);
        Assert.Equal(2, run.Records.Count);
        Assert.Equal([2, 3], run.Records.Select(r => r.Row));
        Assert.Equal(["a", "b", "c"], run.Records[0].Fields.Select(f => f.Column));
        Assert.Equal(["4", "5", "6"], run.Values(1));
        Assert.Empty(run.FileProblems);
        Assert.All(run.Records, r => Assert.Empty(r.Defects));
    }

    [Fact]
    public async Task ReadAsync_QuotedFields_CommasDoubledQuotesAndLineBreaksKept()
    {
        var run = await ReaderRun.CsvAsync("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\r\nline3\"\n7,8,9\n");

        Assert.Equal(["x, y", "say \"hi\"", "line1\nline2\r\nline3"], run.Values(0));
        Assert.Equal(["7", "8", "9"], run.Values(1));
        Assert.All(run.Records, r => Assert.Empty(r.Defects));
    }

    [Fact]
    public async Task ReadAsync_LineBreakInsideQuotes_RowCountsRecordsLineCountsPhysicalLines()
    {
        var run = await ReaderRun.CsvAsync("a,b\n\"1\n2\n3\",x\ny,z\n");

        Assert.Equal([2, 3], run.Records.Select(r => r.Row));
        Assert.Equal([2L, 5L], run.Records.Select(r => r.Line));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task ReadAsync_AnyLineEnd_SameRecords(string lineEnd)
    {
        var run = await ReaderRun.CsvAsync(string.Join(lineEnd, "a,b", "1,2", "3,4") + lineEnd);

        Assert.Equal(["a", "b"], run.Columns);
        Assert.Equal([["1", "2"], ["3", "4"]], run.Records.Select(r => r.Fields.Select(f => f.Value).ToArray()));
    }

    [Fact]
    public async Task ReadAsync_MixedLineEndsAndNoFinalLineEnd_SameRecords()
    {
        var run = await ReaderRun.CsvAsync("a,b\r\n1,2\n3,4\r5,6");

        Assert.Equal([["1", "2"], ["3", "4"], ["5", "6"]], run.Records.Select(r => r.Fields.Select(f => f.Value).ToArray()));
        Assert.Empty(run.BlankRuns);
    }

    [Fact]
    public async Task ReadAsync_Utf8Bom_SkippedSoFirstColumnIsClean()
    {
        var run = await ReaderRun.ReadAsync([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("record_type,b\nx,y\n")], BatchFormat.Csv);

        Assert.Equal("record_type", run.Columns![0]);
    }

    [Fact]
    public async Task ReadAsync_HeaderCellsWithSpaces_AreTrimmed()
    {
        var run = await ReaderRun.CsvAsync(" a , b \t\n1,2\n");

        Assert.Equal(["a", "b"], run.Columns);
        Assert.Empty(run.FileProblems);
    }

    [Fact]
    public async Task ReadAsync_SpaceBeforeOpeningQuote_FieldIsUnquotedSoQuoteIsStray()
    {
        // RFC 4180: spaces are part of a field, so ` "b"` is not a quoted field.
        var run = await ReaderRun.CsvAsync("a,b\n1, \"x\"\n");

        Assert.Equal([ProblemCodes.InvalidQuote], run.DefectCodes(0));
    }

    [Fact]
    public async Task ReadAsync_BlankRows_BeforeHeaderIgnoredBetweenAndAfterRecordsReported()
    {
        var run = await ReaderRun.CsvAsync("\n\na,b\n1,2\n\n\n3,4\n,\n5,6\n\n\n");

        Assert.Equal(["a", "b"], run.Columns);
        // Rows are spreadsheet rows: the blank lines above the header count too.
        Assert.Equal([4, 7, 9], run.Records.Select(r => r.Row));
        Assert.Equal([new BlankRun(5, 2), new BlankRun(8, 1), new BlankRun(10, 2, AtEndOfFile: true)], run.BlankRuns);
    }

    [Fact]
    public async Task ReadAsync_WhitespaceOnlyRow_IsBlank()
    {
        var run = await ReaderRun.CsvAsync("a,b\n1,2\n   \n \t, \n3,4\n");

        Assert.Equal(2, run.Records.Count);
        Assert.Equal([new BlankRun(3, 2)], run.BlankRuns);
    }

    [Theory]
    [InlineData("a,b,c\n1,2\n", 2)]
    [InlineData("a,b,c\n1,2,3,4\n", 4)]
    [InlineData("a,b,c\n1\n", 1)]
    public async Task ReadAsync_FieldCountDiffersFromHeader_RaggedRow(string csv, int seen)
    {
        var run = await ReaderRun.CsvAsync(csv);

        var defect = Assert.Single(run.Records[0].Defects);
        Assert.Equal(ProblemCodes.RaggedRow, defect.Code);
        Assert.Contains($"has {seen} fields but the header has 3", defect.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ExtraFields_NamedByPosition()
    {
        var run = await ReaderRun.CsvAsync("a,b\n1,2,3\n");

        Assert.Equal(["a", "b", "(column 3)"], run.Records[0].Fields.Select(f => f.Column));
    }

    [Fact]
    public async Task ReadAsync_UnterminatedQuote_OneDefectSwallowingTheRestNoRaggedRow()
    {
        var run = await ReaderRun.CsvAsync("a,b\n1,2\n3,\"open\n5,6\n7,8\n");

        Assert.Equal(2, run.Records.Count);
        Assert.Equal([ProblemCodes.UnterminatedQuote], run.DefectCodes(1));
        Assert.Equal("open\n5,6\n7,8\n", run.Values(1)[1]);
    }

    [Theory]
    [InlineData("a,b\n1,x\"y\n", "A double quote appears inside an unquoted field")]
    [InlineData("a,b\n1,\"x\"y\n", "Text follows the closing quote")]
    [InlineData("a,b\n1,\"x\" \n", "Text follows the closing quote")]
    public async Task ReadAsync_MisplacedQuote_InvalidQuoteOnce(string csv, string message)
    {
        var run = await ReaderRun.CsvAsync(csv);

        var defect = Assert.Single(run.Records[0].Defects);
        Assert.Equal(ProblemCodes.InvalidQuote, defect.Code);
        Assert.StartsWith(message, defect.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_QuotedEmptyAndQuotedQuote_Valid()
    {
        var run = await ReaderRun.CsvAsync("a,b,c\n\"\",\"\"\"\",x\n");

        Assert.Equal(["", "\"", "x"], run.Values(0));
        Assert.Empty(run.Records[0].Defects);
    }

    [Fact]
    public async Task ReadAsync_FieldLongerThanLimit_FieldTooLongAndValueBounded()
    {
        var run = await ReaderRun.CsvAsync("a,b\n1," + new string('x', 11) + "\n", new BatchReaderLimits(10, 1000, 10));

        Assert.Equal([ProblemCodes.FieldTooLong], run.DefectCodes(0));
        Assert.Equal(10, run.Values(0)[1].Length);
    }

    [Fact]
    public async Task ReadAsync_FieldAtLimit_Accepted()
    {
        var run = await ReaderRun.CsvAsync("a,b\n1," + new string('x', 10) + "\n", new BatchReaderLimits(10, 1000, 10));

        Assert.Empty(run.Records[0].Defects);
    }

    [Fact]
    public async Task ReadAsync_RecordLongerThanLimit_RecordTooLong()
    {
        var run = await ReaderRun.CsvAsync("a,b,c\n12345,12345,12345\n1,2,3\n", new BatchReaderLimits(10, 12, 10));

        Assert.Equal([ProblemCodes.RecordTooLong], run.DefectCodes(0));
        Assert.Empty(run.Records[1].Defects);
    }

    [Fact]
    public async Task ReadAsync_HeaderWiderThanLimit_TooManyColumnsFileProblem()
    {
        var run = await ReaderRun.CsvAsync("a,b,c,d\n1,2,3,4\n", new BatchReaderLimits(10, 1000, 3));

        var problem = Assert.Single(run.FileProblems);
        Assert.Equal((ProblemCodes.TooManyColumns, 1), (problem.Code, problem.Row));
    }

    [Fact]
    public async Task ReadAsync_RowAsWideAsOverwideHeader_NotRagged()
    {
        // The header was cut at the column limit; a row matching the header's real width is
        // not ragged (the batch is held for the header anyway).
        var run = await ReaderRun.CsvAsync("a,b,c,d,e\n1,2,3,4,5\n", new BatchReaderLimits(10, 1000, 3));

        Assert.Empty(run.Records[0].Defects);
    }

    [Fact]
    public async Task ReadAsync_DuplicateAndEmptyHeaderCells_FileProblemsNamingThem()
    {
        var run = await ReaderRun.CsvAsync("a,,b,a\n1,2,3,4\n");

        Assert.Equal(
            [(ProblemCodes.EmptyColumnName, (string?)null), (ProblemCodes.DuplicateColumn, "a")],
            run.FileProblems.Select(p => (p.Code, p.Column)));
        Assert.Equal(["a", "(column 2)", "b", "a"], run.Columns);
    }

    [Fact]
    public async Task ReadAsync_Latin1Byte_InvalidEncodingOnThatColumn()
    {
        byte[] content = [.. "a,b\n1,Infecci"u8, 0xF3, .. "n\n2,ok\n"u8];

        var run = await ReaderRun.ReadAsync(content, BatchFormat.Csv);

        var defect = Assert.Single(run.Records[0].Defects);
        Assert.Equal((ProblemCodes.InvalidEncoding, "b"), (defect.Code, defect.Column));
        Assert.Empty(run.Records[1].Defects);
    }

    [Fact]
    public async Task ReadAsync_NulAfterSniffWindow_InvalidEncoding()
    {
        var content = Encoding.UTF8.GetBytes("a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 400)) + "3,x\0y\n");

        var run = await ReaderRun.ReadAsync(content, BatchFormat.Csv);

        Assert.Equal([ProblemCodes.InvalidEncoding], run.DefectCodes(400));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { 0x0A, 0x0A, 0x0D, 0x0A })]
    [InlineData(new byte[] { 0x20, 0x09, 0x0A, 0x20 })]
    public async Task ReadAsync_NoHeader_EmptyFile(byte[] content)
    {
        var run = await ReaderRun.ReadAsync(content, BatchFormat.Csv);

        Assert.Empty(run.Records);
        Assert.Equal([ProblemCodes.EmptyFile], run.FileProblems.Select(p => p.Code));
    }

    [Fact]
    public async Task ReadAsync_HeaderOnly_NoRecordsNoFileProblem()
    {
        var run = await ReaderRun.CsvAsync("a,b\n\n\n");

        Assert.Empty(run.Records);
        Assert.Empty(run.FileProblems);
        Assert.Equal(["a", "b"], run.Columns);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task ReadAsync_StreamDeliversSmallPieces_SameRecords(int chunk)
    {
        var text = "\uFEFFa,b\n\"x,\ny\",\"é\"\r\n€,2\n";
        var content = Encoding.UTF8.GetBytes(text);

        var run = await ReaderRun.ReadAsync(new TrickleStream(content, chunk), BatchFormat.Csv);

        Assert.Equal(["a", "b"], run.Columns);
        Assert.Equal([["x,\ny", "é"], ["€", "2"]], run.Records.Select(r => r.Fields.Select(f => f.Value).ToArray()));
        Assert.All(run.Records, r => Assert.Empty(r.Defects));
    }

    [Fact]
    public async Task ReadAsync_MultiByteCharacterAndQuotedFieldAcrossBlockBoundary_Intact()
    {
        // The reader decodes 64 KiB blocks; a character or a quoted field that straddles a
        // block boundary must come out whole.
        var text = new StringBuilder("a,b\n");
        var row = 0;
        while (text.Length < 65_536 - 20)
        {
            text.Append(row++).Append(",padding\n");
        }

        text.Append("x,\"ééééééééééééééé\nééééééééééééééééé\"\n");
        var run = await ReaderRun.CsvAsync(text.ToString());

        Assert.All(run.Records, r => Assert.Empty(r.Defects));
        Assert.Equal(new string('é', 15) + "\n" + new string('é', 17), run.Records[^1].Fields[1].Value);
    }
}
