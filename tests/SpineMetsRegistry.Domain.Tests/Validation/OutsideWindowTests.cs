using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;
using static SpineMetsRegistry.Domain.Validation.Severity;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>
/// outside_window: a follow-up visit whose day after index falls outside its time point's
/// window is a warning (the visit is stored and flagged), checked across rows because the
/// index date may come from the batch's enrollment or from the registry.
/// </summary>
public sealed class OutsideWindowTests
{
    private static readonly FollowUpProtocol Protocol = new();

    private static Task<ValidationRun> RunAsync(FollowUpProtocol? protocol, IKnownPatients? known, params Row[] rows) =>
        ValidationRun.CsvAsync(BatchText.Csv(rows), ValidationRun.Context(c => c with { KnownPatients = known, FollowUpProtocol = protocol }));

    private static KnownPatientSnapshot Known(DateOnly indexDate) =>
        new(new Dictionary<string, KnownPatient> { ["S01-0001"] = new(indexDate, null, false) });

    /// <summary>
    /// Index 2026-01-10 (batch received 2026-06-01, day 142): the first and last day of each
    /// default window and the days just outside it.
    /// </summary>
    public static TheoryData<string, string, bool> VisitDates => new()
    {
        { "6w", "2026-02-06", true },   // day 27
        { "6w", "2026-02-07", false },  // day 28 = 42 - 14: the window opens
        { "6w", "2026-03-07", false },  // day 56 = 42 + 14: the window closes
        { "6w", "2026-03-08", true },   // day 57
        { "12w", "2026-03-13", true },  // day 62
        { "12w", "2026-03-14", false }, // day 63 = 84 - 21
        { "12w", "2026-04-25", false }, // day 105 = 84 + 21
        { "12w", "2026-04-26", true },  // day 106
        { "26w", "2026-06-01", true },  // day 142, before 182 - 28 = 154
        { "52w", "2026-06-01", true },  // day 142, before 364 - 42 = 322
    };

    [Theory]
    [MemberData(nameof(VisitDates))]
    public async Task Validate_VisitDateAgainstWindow_WarnsOnlyOutside(string timePoint, string visitDate, bool outside)
    {
        var run = await RunAsync(Protocol, null, SampleRows.Enrollment(), SampleRows.FollowUp(timePoint: timePoint, visitDate: visitDate));

        Assert.Equal(outside, run.Warnings.Any(w => w.Code == ProblemCodes.OutsideWindow));
        Assert.Empty(run.Errors);
        Assert.Equal(2, run.Accepted.Count);
    }

    [Fact]
    public async Task Validate_VisitDayOutsideWindowIndexFromRegistry_WarningOnVisitDay()
    {
        var run = await RunAsync(Protocol, Known(new DateOnly(2026, 1, 10)),
            SampleRows.FollowUp().Without("visit_date").With("visit_day", "60"));

        Assert.Equal([(2, "visit_day", ProblemCodes.OutsideWindow, Warning)], run.Found);
        Assert.Contains("days 28 to 56", run.Problems[0].Message, StringComparison.Ordinal);
        Assert.Single(run.Accepted);
    }

    [Fact]
    public async Task Validate_VisitDateWithIndexDateFromRegistry_WarningOnVisitDate()
    {
        var run = await RunAsync(Protocol, Known(new DateOnly(2026, 1, 10)), SampleRows.FollowUp(visitDate: "2026-05-01"));

        Assert.Equal([(2, "visit_date", ProblemCodes.OutsideWindow, Warning)], run.Found);
    }

    [Fact]
    public async Task Validate_NoProtocolInContext_NoWindowCheck()
    {
        var run = await RunAsync(null, null, SampleRows.Enrollment(), SampleRows.FollowUp(visitDate: "2026-05-01"));

        Assert.DoesNotContain(run.Problems, p => p.Code == ProblemCodes.OutsideWindow);
    }

    [Fact]
    public async Task Validate_IndexDateUnknown_NoWindowCheck()
    {
        var run = await RunAsync(Protocol, null, SampleRows.FollowUp(visitDate: "2026-05-01"));

        Assert.DoesNotContain(run.Problems, p => p.Code == ProblemCodes.OutsideWindow);
    }

    [Fact]
    public async Task Validate_DeathReportOutsideWindow_NotFlagged()
    {
        var death = SampleRows.FollowUp(timePoint: "12w", visitDate: "2026-05-20").With(("vital_status", "deceased"), ("death_date", "2026-05-10")).Without("nrs_pain");

        var run = await RunAsync(Protocol, null, SampleRows.Enrollment(), death);

        Assert.DoesNotContain(run.Problems, p => p.Code == ProblemCodes.OutsideWindow);
        Assert.Equal(2, run.Accepted.Count);
    }

    [Fact]
    public async Task Validate_ConfiguredWiderWindow_UsesTheConfiguredWindow()
    {
        var wide = new FollowUpProtocol { TimePoints = [new("6w", 42, 14, 30)] };

        var run = await RunAsync(wide, null, SampleRows.Enrollment(), SampleRows.FollowUp(visitDate: "2026-03-14"));

        Assert.DoesNotContain(run.Problems, p => p.Code == ProblemCodes.OutsideWindow);
    }
}
