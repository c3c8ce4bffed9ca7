using System.IO.Compression;
using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Validation.HostileCorpus;

/// <summary>
/// The hostile file corpus (issue 16): sizes, archives, formula payloads, control characters and
/// invalid UTF-8 in every position, look-alikes, another site's codes, broken structure.
/// </summary>
internal static class HostileFiles
{
    private const int TenMegabytes = 10 * 1024 * 1024;
    private const int FiveMegabytes = 5 * 1024 * 1024;

    private static readonly Row Enrollment = SampleRows.Enrollment();
    private static readonly Row FollowUp = SampleRows.FollowUp();

    public static IReadOnlyList<HostileFile> All { get; } =
    [
        // Sizes: generated at test time.
        Csv("10 MB unquoted free-text field", () => Utf8(BatchText.Csv(FollowUp.With("complication_text", new string('x', TenMegabytes)))), ProblemCodes.FieldTooLong),
        Csv("10 MB quoted free-text field with commas", () => Utf8(BatchText.Csv(FollowUp.With("complication_text", string.Concat(Enumerable.Repeat("wound, ", TenMegabytes / 7)))))),
        Csv("10 MB numeric field", () => Utf8(BatchText.Csv(Enrollment.With("spinal_mets_count", new string('9', TenMegabytes)))), ProblemCodes.FieldTooLong),
        Csv("10 MB header cell", () => Utf8("record_type," + new string('c', TenMegabytes) + "\nenrollment,x\n"), ProblemCodes.FieldTooLong),
        Csv("5 MB line of short fields", () => Utf8(BatchText.Csv(Enrollment).TrimEnd('\n') + string.Concat(Enumerable.Repeat(",1", FiveMegabytes / 2)) + "\n"), ProblemCodes.RecordTooLong),
        Jsonl("5 MB JSON line", () => Utf8("{\"record_type\":\"followup\",\"complication_text\":\"" + new string('y', FiveMegabytes) + "\"}\n"), ProblemCodes.RecordTooLong),
        Jsonl("10 MB JSON line without a newline", () => Utf8("{\"record_type\":\"" + new string('z', TenMegabytes)), ProblemCodes.RecordTooLong),
        Csv("1 MB unterminated quote at the end", () => Utf8(BatchText.Csv(Enrollment) + "enrollment,\"" + new string('q', 1024 * 1024)), ProblemCodes.FieldTooLong),

        // Archives renamed .csv / .jsonl: recognised by their magic bytes, never unpacked.
        Csv("gzip bomb renamed .csv", GzipBomb, ProblemCodes.CompressedFile),
        Jsonl("gzip bomb renamed .jsonl", GzipBomb, ProblemCodes.CompressedFile),
        Csv("zip bomb renamed .csv", ZipBomb, ProblemCodes.CompressedFile),
        Csv("empty zip archive", () => [0x50, 0x4B, 0x05, 0x06, .. new byte[18]], ProblemCodes.CompressedFile),
        Csv("bzip2 magic", () => [0x42, 0x5A, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26], ProblemCodes.CompressedFile),
        Csv("xz magic", () => [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00, 0x04], ProblemCodes.CompressedFile),
        Csv("zstd magic", () => [0x28, 0xB5, 0x2F, 0xFD, 0x04, 0x58, 0x00, 0x00], ProblemCodes.CompressedFile),
        Csv("7z magic", () => [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0x00, 0x04], ProblemCodes.CompressedFile),
        Csv("rar magic", () => [0x52, 0x61, 0x72, 0x21, 0x1A, 0x07, 0x01, 0x00], ProblemCodes.CompressedFile),
        Csv("PNG image renamed .csv", () => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], ProblemCodes.UnsupportedEncoding),
        Csv("Windows executable renamed .csv", () => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], ProblemCodes.UnsupportedEncoding),
        Csv("UTF-16 export", () => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(BatchText.Csv(Enrollment))], ProblemCodes.UnsupportedEncoding),

        // Formula payloads: refused where the field is typed or coded; reports never echo them unneutralised.
        Csv("formula in an integer field", () => Utf8(BatchText.Csv(Enrollment.With("spinal_mets_count", "=1+1"))), ProblemCodes.InvalidType),
        Csv("formula in an age field", () => Utf8(BatchText.Csv(Enrollment.With("age_at_index", "+cmd|' /C calc'!A0"))), ProblemCodes.InvalidType),
        Csv("formula in a coded field", () => Utf8(BatchText.Csv(Enrollment.With("sex", "@SUM(1+1)*cmd|' /C calc'!A0"))), ProblemCodes.InvalidCode),
        Csv("formula in a date field", () => Utf8(BatchText.Csv(Enrollment.With("index_date", "=DATE(2026,1,10)"))), ProblemCodes.InvalidType),
        Csv("formula in the study ID", () => Utf8(BatchText.Csv(Enrollment.With("study_id", "=HYPERLINK(\"S01-0001\")"))), ProblemCodes.StudyIdPattern),
        Csv("formula as a column name", () => Utf8(BatchText.Csv(Enrollment.With("=HYPERLINK(\"x\")", "1"))), ProblemCodes.UnknownColumn),
        Csv("formula in the record type", () => Utf8(BatchText.Csv(Enrollment.With("record_type", "-2+3+cmd|' /C calc'!A0"))), ProblemCodes.InvalidRecordType),

        // Control characters and invalid UTF-8 in every position.
        Csv("invalid UTF-8 in the header", () => Bytes("record_type,study_", [0xFF], "id\nenrollment,S01-0001\n"), ProblemCodes.InvalidEncoding),
        Csv("invalid UTF-8 in a field", () => Replace(BatchText.Csv(FollowUp.With("complication_text", "wound INVALID ooze")), [0xC3, 0x28]), ProblemCodes.InvalidEncoding),
        Csv("invalid UTF-8 in a quoted field", () => Replace(BatchText.Csv(FollowUp.With("complication_text", "wound, INVALID ooze")), [0xFE]), ProblemCodes.InvalidEncoding),
        Csv("invalid UTF-8 at a line end", () => Replace(BatchText.Csv(FollowUp.With("complication_text", "woundINVALID")), [0xE2, 0x82]), ProblemCodes.InvalidEncoding),
        Csv("lone continuation byte", () => Replace(BatchText.Csv(FollowUp.With("complication_text", "a INVALID b")), [0x80]), ProblemCodes.InvalidEncoding),
        Csv("overlong encoding of '/'", () => Replace(BatchText.Csv(FollowUp.With("complication_text", "a INVALID b")), [0xC0, 0xAF]), ProblemCodes.InvalidEncoding),
        Csv("UTF-8 encoded surrogate", () => Replace(BatchText.Csv(FollowUp.With("complication_text", "a INVALID b")), [0xED, 0xA0, 0x80]), ProblemCodes.InvalidEncoding),
        Csv("truncated multi-byte sequence at the end of the file", () => [.. Utf8(BatchText.Csv(FollowUp.With("complication_text", "x")).TrimEnd('\n')), 0xE2, 0x82], ProblemCodes.InvalidEncoding),
        Csv("NUL byte in a field past the sniffed head", () => Utf8(BatchText.Csv(FollowUp.With("complication_text", new string('a', 3_000))) + BatchText.Csv(FollowUp.With("complication_text", "a\0b")).Split('\n')[1] + "\n"), ProblemCodes.InvalidEncoding),
        Csv("NUL bytes at the start", () => [0x00, 0x00, .. Utf8(BatchText.Csv(Enrollment))], ProblemCodes.UnsupportedEncoding),
        Csv("terminal escape in free text", () => Utf8(BatchText.Csv(FollowUp.With("complication_text", "\u001b[31mred\u001b[0m"))), ProblemCodes.ControlCharacter),
        Csv("bell in a quoted field", () => Utf8(BatchText.Csv(FollowUp.With("complication_text", "a, \u0007 b"))), ProblemCodes.ControlCharacter),
        Csv("vertical tab in a field", () => Utf8(BatchText.Csv(FollowUp.With("complication_text", "a\u000Bb"))), ProblemCodes.ControlCharacter),
        Csv("form feed at a line end", () => Utf8(BatchText.Csv(FollowUp.With("complication_text", "ab\u000C"))), ProblemCodes.ControlCharacter),
        Csv("DEL in a coded field", () => Utf8(BatchText.Csv(Enrollment.With("sex", "female\u007F"))), ProblemCodes.ControlCharacter),
        Csv("C1 control in free text", () => Utf8(BatchText.Csv(FollowUp.With("complication_text", "a\u0085b"))), ProblemCodes.ControlCharacter),
        Csv("right-to-left override in free text", () => Utf8(BatchText.Csv(FollowUp.With("complication_text", "no \u202Eevitisop\u202C change"))), ProblemCodes.ControlCharacter),
        Csv("zero-width space inside the study ID", () => Utf8(BatchText.Csv(Enrollment.With("study_id", "S01-\u200B0001"))), ProblemCodes.ControlCharacter),
        Csv("control character in the header", () => Utf8("record_type,study_id,\u0001sex\nenrollment,S01-0001,female\n"), ProblemCodes.ControlCharacter),
        Csv("byte order mark inside a field (two files joined)", () => Utf8(BatchText.Csv(FollowUp.With("complication_text", "a\uFEFFb"))), ProblemCodes.ControlCharacter),
        Csv("second byte order mark", () => [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Utf8(BatchText.Csv(Enrollment))], ProblemCodes.ByteOrderMark),
        Jsonl("escaped control character in a JSON value", () => Utf8("{\"record_type\":\"followup\",\"study_id\":\"S01-0001\",\"complication_text\":\"a\\u0007b\"}\n"), ProblemCodes.ControlCharacter),
        Jsonl("invalid UTF-8 in a JSON line", () => Bytes("{\"record_type\":\"followup\",\"complication_text\":\"a", [0xFF], "b\"}\n"), ProblemCodes.InvalidEncoding),

        // Look-alikes.
        Csv("Cyrillic o in the record type", () => Utf8(BatchText.Csv(Enrollment.With("record_type", "enr\u043Ellment"))), ProblemCodes.InvalidRecordType),
        Csv("Cyrillic i in a column name", () => Utf8(BatchText.Csv(Enrollment).Replace("study_id", "study_\u0456d", StringComparison.Ordinal)), ProblemCodes.UnknownColumn),
        Csv("full-width digits in the age", () => Utf8(BatchText.Csv(Enrollment.With("age_at_index", "\uFF16\uFF14"))), ProblemCodes.InvalidType),
        Csv("Cyrillic S in the study ID", () => Utf8(BatchText.Csv(Enrollment.With("study_id", "\u0405" + "01-0001"))), ProblemCodes.StudyIdPattern),

        // Another site's codes (the site comes from where the file was uploaded, never from the file).
        Csv("study IDs of another site", () => Utf8(BatchText.Csv(Enrollment.With("study_id", "S02-0001"))), ProblemCodes.StudyIdPattern),
        Csv("one row of another site among ours", () => Utf8(BatchText.Csv(Enrollment, SampleRows.Enrollment("S02-0002"))), ProblemCodes.StudyIdPattern),
        Csv("a site column claiming another site", () => Utf8(BatchText.Csv(Enrollment.With("site", "S02"))), ProblemCodes.UnknownColumn),
        Csv("a site_code column claiming another site", () => Utf8(BatchText.Csv(Enrollment.With("site_code", "S02"))), ProblemCodes.UnknownColumn),
        Jsonl("a site key claiming another site", () => Utf8(BatchText.JsonLines(Enrollment.With("site", "S02"))), ProblemCodes.UnknownColumn),

        // Structure.
        Csv("600 columns", () => Utf8("record_type" + string.Concat(Enumerable.Range(0, 600).Select(i => $",c{i}")) + "\nenrollment" + new string(',', 600) + "\n"), ProblemCodes.TooManyColumns),
        Csv("record_type twice in the header", () => Utf8("record_type,study_id,record_type\nenrollment,S01-0001,followup\n"), ProblemCodes.DuplicateColumn),
        Csv("header and 100,000 blank lines", () => Utf8("record_type,study_id\n" + new string('\n', 100_000)), ProblemCodes.NoRecords),
        Csv("empty file", () => [], ProblemCodes.EmptyFile),
        Csv("only a byte order mark", () => [0xEF, 0xBB, 0xBF], ProblemCodes.EmptyFile),
        Jsonl("JSON array instead of an object", () => Utf8("[{\"record_type\":\"enrollment\"}]\n"), ProblemCodes.JsonNotObject),
        Jsonl("deeply nested JSON", () => Utf8("{\"record_type\":" + new string('[', 10_000) + new string(']', 10_000) + "}\n"), ProblemCodes.InvalidJson),
        Csv("CSV quote injection closing a field early", () => Utf8(BatchText.Csv(FollowUp.With("complication_text", "x")).Replace(",x\n", ",\"a\"b\"\n", StringComparison.Ordinal)), ProblemCodes.InvalidQuote),
    ];

    private static HostileFile Csv(string name, Func<byte[]> build, string code) => new(name, BatchFormat.Csv, build, code);

    // A huge free-text field in quotes: too long, whatever it contains.
    private static HostileFile Csv(string name, Func<byte[]> build) => new(name, BatchFormat.Csv, build, ProblemCodes.FieldTooLong);

    private static HostileFile Jsonl(string name, Func<byte[]> build, string code) => new(name, BatchFormat.JsonLines, build, code);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Bytes(string before, byte[] middle, string after) => [.. Utf8(before), .. middle, .. Utf8(after)];

    // The text with the marker INVALID replaced by raw bytes.
    private static byte[] Replace(string text, byte[] bytes)
    {
        var at = text.IndexOf("INVALID", StringComparison.Ordinal);
        return Bytes(text[..at], bytes, text[(at + "INVALID".Length)..]);
    }

    // 20 MB of zeros compress to about 20 KB: unpacking would cost a thousand times the upload.
    private static byte[] GzipBomb()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(new byte[20 * 1024 * 1024]);
        }

        return output.ToArray();
    }

    private static byte[] ZipBomb()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("batch.csv", CompressionLevel.SmallestSize).Open();
            entry.Write(new byte[20 * 1024 * 1024]);
        }

        return output.ToArray();
    }
}
