using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SpineMetsRegistry.Benchmarks.Support;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Deidentification;
using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Scoring;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Benchmarks.HotPath;

// BenchmarkDotNet runs only public, unsealed benchmark classes.
#pragma warning disable CA1515, CA1822

/// <summary>
/// <c>hotpath --micro</c>: BenchmarkDotNet's per-row figures (mean time and allocated bytes)
/// for one enrollment row and one follow-up row of the generated batch: validating it
/// through the gate, and scoring the typed record. Runs in process (no separate build), with
/// BenchmarkDotNet's short-run job so the option stays usable on a shared machine.
/// </summary>
[MemoryDiagnoser]
public class HotPathMicroBenchmarks
{
    private RecordValidator _validator = null!;
    private RecordScorer _scorer = null!;
    private RawRecord _enrollmentRow = null!;
    private RawRecord _followUpRow = null!;
    private RegistryRecord _enrollment = null!;
    private RegistryRecord _followUp = null!;

    /// <summary>Runs every micro benchmark of this class and prints BenchmarkDotNet's summary.</summary>
    internal static void Run()
    {
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkRunner.Run<HotPathMicroBenchmarks>(config);
    }

    [GlobalSetup]
    public void Setup()
    {
        var context = new BatchValidationContext
        {
            SiteCode = "S01",
            StudyIdPattern = BatchValidationContext.CompileStudyIdPattern(GeneratedBatch.StudyIdPattern("S01")),
            ReceivedOn = GeneratedBatch.ReceivedOn,
        };
        _validator = new RecordValidator(context, new DeidentificationGate(new IdentifierScanner(), context.StudyIdPattern!.ToString(), context.Dictionary));
        _scorer = RecordScorer.Create(new InstrumentSettings()).Value!;
        using var stream = new MemoryStream(GeneratedBatch.Csv(200, errorRate: 0));
        var reader = BatchReaders.Open(stream, BatchFormat.Csv);
        var rows = reader.ReadAsync().ToBlockingEnumerable().ToList();
        (_enrollmentRow, _enrollment) = First(rows, RecordKind.Enrollment);
        (_followUpRow, _followUp) = First(rows, RecordKind.FollowUp);
    }

    [Benchmark]
    public RecordValidation ValidateEnrollmentRow() => _validator.Validate(_enrollmentRow);

    [Benchmark]
    public RecordValidation ValidateFollowUpRow() => _validator.Validate(_followUpRow);

    [Benchmark]
    public IReadOnlyList<DerivedScore> ScoreEnrollment() => _scorer.Score(_enrollment);

    [Benchmark]
    public IReadOnlyList<DerivedScore> ScoreFollowUp() => _scorer.Score(_followUp);

    private (RawRecord Raw, RegistryRecord Record) First(List<RawRecord> rows, RecordKind kind)
    {
        foreach (var raw in rows)
        {
            if (_validator.Validate(raw).Record is { } record && record.Kind == kind)
            {
                return (raw, record);
            }
        }

        throw new InvalidOperationException($"The generated batch has no valid {kind} row.");
    }
}
