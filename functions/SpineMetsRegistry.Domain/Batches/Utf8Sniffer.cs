using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Batches;

/// <summary>
/// Looks at the first bytes of a file to tell a UTF-8 file (with or without BOM) from a
/// UTF-16/UTF-32 or binary one, which the registry refuses with a specific message rather
/// than decoding into garbage.
/// </summary>
internal static class Utf8Sniffer
{
    public const int SniffLength = 1024;

    /// <summary>Returns how many BOM bytes to skip, or a file problem when the encoding is not UTF-8.</summary>
    public static (int BomLength, FileProblem? Problem) Inspect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (0, Unsupported("UTF-32"));
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (0, Unsupported("UTF-16"));
        }

        if (CompressedFormat(head) is { } compressed)
        {
            // Never decompressed: a zip bomb renamed .csv costs only these few bytes.
            return (0, new FileProblem(
                ProblemCodes.CompressedFile,
                $"The file is a {compressed} archive, not a text file (whatever its name says). The registry never unpacks uploads: export the data as 'CSV UTF-8' or JSON Lines and upload that file."));
        }

        var bom = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;

        // Text in UTF-8 never contains NUL; UTF-16 without a BOM and binary files (xlsx, zip) do.
        if (head[bom..].Contains((byte)0))
        {
            return (bom, new FileProblem(
                ProblemCodes.UnsupportedEncoding,
                "The file contains NUL bytes: it is not a UTF-8 text file (perhaps UTF-16 without a byte order mark, or a spreadsheet/zip file). Export it as 'CSV UTF-8' or JSON Lines."));
        }

        return (bom, null);
    }

    // Magic numbers of the archive and compression formats (a spreadsheet .xlsx is a zip).
    private static string? CompressedFormat(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) || head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x05, 0x06]) ? "zip (or xlsx)"
        : head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) ? "gzip"
        : head.StartsWith((ReadOnlySpan<byte>)[0x42, 0x5A, 0x68]) ? "bzip2"
        : head.StartsWith((ReadOnlySpan<byte>)[0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) ? "xz"
        : head.StartsWith((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD]) ? "zstd"
        : head.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) ? "7z"
        : head.StartsWith((ReadOnlySpan<byte>)[0x52, 0x61, 0x72, 0x21, 0x1A, 0x07]) ? "rar"
        : null;

    private static FileProblem Unsupported(string encoding) => new(
        ProblemCodes.UnsupportedEncoding,
        $"The file is encoded as {encoding}; the registry accepts UTF-8 only. Export it as 'CSV UTF-8' (with or without BOM).");
}
