using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Batches;

public sealed class Utf8SnifferTests
{
    [Theory]
    [InlineData(new byte[] { 0x61, 0x2C, 0x62 }, 0)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x61 }, 3)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, 3)]
    [InlineData(new byte[] { 0xC3, 0xA9 }, 0)]
    [InlineData(new byte[] { 0xE9, 0x61 }, 0)]
    [InlineData(new byte[0], 0)]
    public void Inspect_Utf8OrUndecidable_BomLengthNoProblem(byte[] head, int bom)
    {
        var (bomLength, problem) = Utf8Sniffer.Inspect(head);

        Assert.Null(problem);
        Assert.Equal(bom, bomLength);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x61, 0x00 }, "UTF-16")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x61 }, "UTF-16")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00 }, "UTF-32")]
    [InlineData(new byte[] { 0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x61 }, "UTF-32")]
    [InlineData(new byte[] { 0x61, 0x00, 0x2C, 0x00 }, "NUL")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x61, 0x00 }, "NUL")]
    public void Inspect_NotUtf8_UnsupportedEncodingNamingWhy(byte[] head, string named)
    {
        var (_, problem) = Utf8Sniffer.Inspect(head);

        Assert.Equal(ProblemCodes.UnsupportedEncoding, problem!.Code);
        Assert.Contains(named, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "zip")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00 }, "gzip")]
    [InlineData(new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00 }, "xz")]
    public void Inspect_ArchiveMagic_CompressedFileNamingTheFormat(byte[] head, string named)
    {
        var (_, problem) = Utf8Sniffer.Inspect(head);

        Assert.Equal(ProblemCodes.CompressedFile, problem?.Code);
        Assert.Contains(named, problem!.Message, StringComparison.Ordinal);
    }
}
