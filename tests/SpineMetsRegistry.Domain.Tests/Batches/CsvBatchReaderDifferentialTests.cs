using System.Globalization;
using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Tests.Batches.Oracle;

namespace SpineMetsRegistry.Domain.Tests.Batches;

/// <summary>
/// The reader against the reader it replaced (<see cref="LegacyCsvBatchReader"/>, the oracle):
/// generated and mutated files (random quoting, doubled and stray quotes, line breaks inside
/// quotes, CR/LF/CRLF mixes, BOM, ragged and blank rows, invalid UTF-8 and NUL, fields and
/// records over the limits, an unterminated quote at the end) must give the same columns, file
/// problems, blank runs and records (row, line, every column and value, every defect), read
/// in blocks of any size so that every token straddles a block boundary somewhere.
/// </summary>
public sealed class CsvBatchReaderDifferentialTests
{
    // Small blocks (the first is always at least the 1,024-byte sniff) and the real 64 KiB.
    private static readonly int[] BlockSizes = [1, 2, 3, 5, 16, 100, 64 * 1024];

    private static readonly BatchReaderLimits[] Limits =
    [
        BatchReaderLimits.Default,
        new(MaxFieldLength: 12, MaxRecordLength: 80, MaxColumns: 6),
        new(MaxFieldLength: 3, MaxRecordLength: 20, MaxColumns: 2),
        new(MaxFieldLength: 30, MaxRecordLength: 40, MaxColumns: 10),
    ];

    private static readonly string[] LineEnds = ["\n", "\r\n", "\r"];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 24)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task ReadAsync_GeneratedFiles_SameAsOracle(int seed)
    {
        var random = new Random(seed);
        for (var file = 0; file < 6; file++)
        {
            var content = Encode(random, GenerateCsv(random), mutate: false);
            await AssertSameAsOracleAsync(content, Limits[random.Next(Limits.Length)], BlockSizes[random.Next(BlockSizes.Length)], $"seed {seed}, file {file}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task ReadAsync_MutatedFiles_SameAsOracle(int seed)
    {
        var random = new Random(1000 + seed);
        for (var file = 0; file < 6; file++)
        {
            var content = Encode(random, Mutate(random, GenerateCsv(random)), mutate: true);
            await AssertSameAsOracleAsync(content, Limits[random.Next(Limits.Length)], BlockSizes[random.Next(BlockSizes.Length)], $"seed {seed}, file {file}");
        }
    }

    [Theory]
    [InlineData("a,b\n\"never closed,1\n2,3\n")]
    [InlineData("a,b\r\n1,\"x\r\ny\"\r\n\"\"\"q\"\"\",\"\"\r\n")]
    [InlineData("a,b\r1,2\r\r\n3,4\n\r")]
    [InlineData("a,b\n1,x\"y\n\"p\"q,2\n")]
    [InlineData("a,b\n,,,\n   ,\t\n1,2,3,4,5,6,7,8\n1")]
    public async Task ReadAsync_EdgeCasesPaddedPastTheSniff_SameAsOracleAtEveryBlockSize(string csv)
    {
        // The padding rows push the case past the first block, so it is read in small blocks.
        var padding = string.Concat(Enumerable.Repeat("pad,pad\n", 200));
        var text = csv.Replace("\n", "\n" + padding, StringComparison.Ordinal);
        foreach (var limits in Limits)
        {
            foreach (var blockSize in BlockSizes)
            {
                await AssertSameAsOracleAsync(Encoding.UTF8.GetBytes(text), limits, blockSize, csv);
            }
        }
    }

    private static async Task AssertSameAsOracleAsync(byte[] content, BatchReaderLimits limits, int blockSize, string because)
    {
        var expected = await DescribeAsync(new LegacyCsvBatchReader(new MemoryStream(content), limits));
        var actual = await DescribeAsync(new CsvBatchReader(new MemoryStream(content), limits, blockSize));

        Assert.True(expected.SequenceEqual(actual), $"{because}, block size {blockSize}, {limits}: first difference at line {FirstDifference(expected, actual)} of the description\nexpected: {At(expected, FirstDifference(expected, actual))}\nactual:   {At(actual, FirstDifference(expected, actual))}");
    }

    private static int FirstDifference(List<string> expected, List<string> actual)
    {
        var i = 0;
        while (i < expected.Count && i < actual.Count && expected[i] == actual[i])
        {
            i++;
        }

        return i;
    }

    private static string At(List<string> lines, int index) => index < lines.Count ? lines[index] : "(none)";

    /// <summary>Everything a reader tells its caller, one line per record or finding.</summary>
    private static async Task<List<string>> DescribeAsync(IBatchReader reader)
    {
        var lines = new List<string>();
        await foreach (var record in reader.ReadAsync())
        {
            var fields = string.Join("\u241E", record.Fields.Select(f => f.Column + "\u241F" + f.Value));
            var defects = string.Join("\u241E", record.Defects.Select(d => d.Code + "|" + d.Message + "|" + d.Column));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"record {record.Row} line {record.Line}: {fields} defects: {defects}"));
        }

        lines.Add("columns: " + (reader.Columns is null ? "(none)" : string.Join("\u241F", reader.Columns)));
        lines.AddRange(reader.FileProblems.Select(p => "file problem: " + p));
        lines.AddRange(reader.BlankRuns.Select(b => "blank run: " + b));
        return lines;
    }

    private static string GenerateCsv(Random random)
    {
        var columns = random.Next(1, 7);
        var builder = new StringBuilder();
        var rows = random.Next(20, 160);
        for (var row = 0; row <= rows; row++)
        {
            if (random.Next(25) == 0)
            {
                // A blank row: empty, whitespace or separators only.
                builder.Append(random.Next(3) switch { 0 => string.Empty, 1 => "  \t", _ => new string(',', random.Next(1, 5)) });
            }
            else
            {
                // Mostly the header's width; sometimes ragged.
                var width = random.Next(8) == 0 ? random.Next(1, columns + 4) : columns;
                for (var field = 0; field < width; field++)
                {
                    if (field > 0)
                    {
                        builder.Append(',');
                    }

                    builder.Append(row == 0 ? "col" + field.ToString(CultureInfo.InvariantCulture) : Field(random));
                }
            }

            if (row < rows || random.Next(2) == 0)
            {
                builder.Append(random.Next(6) == 0 ? LineEnds[random.Next(LineEnds.Length)] : LineEnds[0]);
            }
        }

        if (random.Next(10) == 0)
        {
            builder.Append("\"unterminated at the end,").Append(Field(random));
        }

        return builder.ToString();
    }

    private static string Field(Random random) => random.Next(20) switch
    {
        0 or 1 or 2 or 3 or 4 => string.Empty,
        5 or 6 or 7 or 8 => Word(random, random.Next(1, 6)),
        9 => Word(random, random.Next(10, 60)),
        10 => "\"" + Word(random, random.Next(0, 8)) + "\"",
        11 => "\"" + Word(random, 3) + ", " + Word(random, 2) + "\"",
        12 => "\"say \"\"" + Word(random, 2) + "\"\" ok\"",
        13 => "\"line one" + LineEnds[random.Next(LineEnds.Length)] + "line two\"",
        14 => Word(random, 2) + "\"" + Word(random, 2),
        15 => "\"" + Word(random, 2) + "\"" + Word(random, 2),
        16 => " \"" + Word(random, 2) + "\"",
        17 => "caf\u00E9 \u00FC\u4E2D\uD83D\uDE00",
        18 => "  \t ",
        _ => "\"" + Word(random, random.Next(20, 50)) + "\"",
    };

    private static string Word(Random random, int length)
    {
        const string Letters = "abcdefghijklmnopqrstuvwxyz0123456789-._/ ";
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Letters[r.Next(Letters.Length)];
            }
        });
    }

    /// <summary>Random edits of the structural characters: inserted, deleted or replaced.</summary>
    private static string Mutate(Random random, string csv)
    {
        const string Specials = ",\"\r\n \u00E9";
        var text = new StringBuilder(csv);
        var edits = random.Next(1, 12);
        for (var edit = 0; edit < edits && text.Length > 0; edit++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(3))
            {
                case 0:
                    text.Insert(at, Specials[random.Next(Specials.Length)]);
                    break;
                case 1:
                    text.Remove(at, 1);
                    break;
                default:
                    text[at] = Specials[random.Next(Specials.Length)];
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>UTF-8, sometimes with a BOM; mutated files sometimes get invalid bytes or NUL too.</summary>
    private static byte[] Encode(Random random, string csv, bool mutate)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(csv));
        if (mutate)
        {
            var bad = random.Next(3);
            for (var i = 0; i < bad && bytes.Count > 0; i++)
            {
                // Mostly past the 1,024-byte sniff, where the reader reports them per record.
                bytes.Insert(random.Next(Math.Min(bytes.Count, 1024), bytes.Count), random.Next(3) switch { 0 => (byte)0xFF, 1 => (byte)0xC3, _ => (byte)0 });
            }
        }

        if (random.Next(4) == 0)
        {
            bytes.InsertRange(0, Encoding.UTF8.GetPreamble().ToArray());
        }

        return [.. bytes];
    }
}
