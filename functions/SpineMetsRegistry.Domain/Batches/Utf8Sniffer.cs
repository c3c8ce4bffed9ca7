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

    private static FileProblem Unsupported(string encoding) => new(
        ProblemCodes.UnsupportedEncoding,
        $"The file is encoded as {encoding}; the registry accepts UTF-8 only. Export it as 'CSV UTF-8' (with or without BOM).");
}
