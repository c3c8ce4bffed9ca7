using System.Text;
using System.Text.Json;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>
/// The malformed-file corpus: every file of <c>MalformedCorpus/</c> against its manifest
/// entry. Each produces exactly its expected error and warning codes, decision and counts,
/// a valid JSON report, and never an exception.
/// </summary>
public sealed class MalformedCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Validation", "MalformedCorpus");

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static readonly Lazy<CorpusManifest> Manifest = new(() =>
        JsonSerializer.Deserialize<CorpusManifest>(File.ReadAllBytes(Path.Combine(Folder, "manifest.json")), JsonOptions)!);

    public static TheoryData<string> Files => new(Manifest.Value.Cases.Select(c => c.File));

    [Fact]
    public void Manifest_Corpus_HasAtLeastFortyCasesCoveringBothFormats()
    {
        var cases = Manifest.Value.Cases;

        Assert.True(cases.Count >= 40, $"{cases.Count} cases");
        Assert.Equal(cases.Count, cases.Select(c => c.File).Distinct().Count());
        Assert.Contains(cases, c => c.File.EndsWith(".csv", StringComparison.Ordinal));
        Assert.Contains(cases, c => c.File.EndsWith(".jsonl", StringComparison.Ordinal));
    }

    [Fact]
    public void Manifest_EveryCommittedFileListed_EveryListedFileCommittedOrGenerated()
    {
        var committed = new[] { "csv", "jsonl" }
            .SelectMany(dir => Directory.GetFiles(Path.Combine(Folder, dir)))
            .Select(path => Path.GetRelativePath(Folder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        var listed = Manifest.Value.Cases.Where(c => c.Generator is null).Select(c => c.File).Order(StringComparer.Ordinal);

        Assert.Equal(listed, committed);
        Assert.All(Manifest.Value.Cases.Where(c => c.Generator is not null), c => Assert.False(File.Exists(Path.Combine(Folder, c.File)), c.File));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Validate_CorpusFile_ExactlyTheExpectedCodesDecisionAndCounts(string file)
    {
        var entry = Manifest.Value.Cases.Single(c => c.File == file);
        var content = entry.Generator is null ? File.ReadAllBytes(Path.Combine(Folder, file)) : Generate(entry.Generator);
        Assert.True(BatchFormats.TryFromFileName(file, out var format));

        var reports = await RenderedReports.RenderAsync(content, format, Manifest.Value.Context.ToValidationContext());
        var run = reports.Run;

        Assert.True(entry.Errors.Order().SequenceEqual(run.ErrorCodes.Order()), $"errors: expected [{string.Join(", ", entry.Errors)}], got {run.Describe()}");
        Assert.True(entry.Warnings.Order().SequenceEqual(run.WarningCodes.Order()), $"warnings: expected [{string.Join(", ", entry.Warnings)}], got {run.Describe()}");
        Assert.Equal(entry.Decision, DecisionName(run.Summary.Decision));
        Assert.Equal(entry.Records, run.Summary.Records);
        Assert.Equal(entry.Accepted, run.Summary.Accepted);
        Assert.Equal(entry.Accepted, run.Accepted.Count);
        Assert.Equal(run.Problems.Count, JsonDocument.Parse(reports.Json).RootElement.GetProperty("problems").GetArrayLength());
        Assert.All(run.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    private static string DecisionName(BatchDecision decision) => decision switch
    {
        BatchDecision.Accepted => "accepted",
        BatchDecision.PartiallyAccepted => "partially_accepted",
        BatchDecision.Held => "held",
        _ => "rejected",
    };

    /// <summary>Files too large to commit, built the same way every run.</summary>
    private static byte[] Generate(string generator) => generator switch
    {
        "huge_record" => HugeRecord(),
        "overlong_line" => OverlongLine(),
        _ => throw new ArgumentOutOfRangeException(nameof(generator), generator, "Unknown corpus generator."),
    };

    /// <summary>Every dictionary field as a column; one row fills each with 3,990 characters (under the field bound), over 256 KiB in all (over the record bound).</summary>
    private static byte[] HugeRecord()
    {
        var columns = Domain.Dictionary.DataDictionary.Default.Fields.Select(f => f.Code).ToList();
        string Line(Row row) => string.Join(',', columns.Select(c => BatchText.Quote(row[c] ?? string.Empty)));
        var text = new StringBuilder();
        text.Append(string.Join(',', columns)).Append('\n');
        text.Append(Line(SampleRows.Enrollment("S01-0001"))).Append('\n');
        text.Append(Line(SampleRows.FollowUp("S01-0001"))).Append('\n');
        text.Append(string.Join(',', columns.Select(_ => new string('x', 3_990)))).Append('\n');
        text.Append(Line(SampleRows.Enrollment("S01-0002"))).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A 300,000-byte JSON line between three valid ones.</summary>
    private static byte[] OverlongLine()
    {
        var lines = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(Folder, "jsonl", "valid.jsonl"))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var overlong = lines[1][..^1] + ",\"complication_text\":\"" + new string('x', 300_000) + "\"}";
        return Encoding.UTF8.GetBytes(string.Join('\n', lines[0], overlong, lines[2], lines[3]) + "\n");
    }

    private sealed record CorpusManifest(string Description, CorpusContext Context, List<CorpusCase> Cases);

    private sealed record CorpusContext(string Site, string StudyIdPattern, string ReceivedOn, string Policy)
    {
        public BatchValidationContext ToValidationContext() => new()
        {
            SiteCode = Site,
            StudyIdPattern = BatchValidationContext.CompileStudyIdPattern(StudyIdPattern),
            ReceivedOn = DateOnly.ParseExact(ReceivedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            RowPolicy = Policy == "accept_valid_rows" ? InvalidRowPolicy.AcceptValidRows : InvalidRowPolicy.HoldWholeBatch,
        };
    }

    private sealed record CorpusCase(string File, string What, List<string> Errors, List<string> Warnings, string Decision, int Records, int Accepted, string? Generator);
}
