using System.Globalization;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Benchmarks.Support;

/// <summary>
/// A batch's steps read from its ledger history. Each ledger event carries the time the
/// orchestration scheduled the step that recorded it, so the time from one event to the next is
/// the step in between, engine round trips included (validation and chunk storing fall in one).
/// </summary>
internal static class LedgerSteps
{
    /// <summary>One line: each step's duration, in order.</summary>
    public static string Durations(string site, IReadOnlyList<BatchLedgerEvent> events)
    {
        var ordered = events.OrderBy(e => e.Status).ToList();
        var gaps = ordered.Zip(ordered.Skip(1), (from, to) => string.Create(CultureInfo.InvariantCulture,
            $"{StepAfter(from.Status)} {(to.At - from.At).TotalSeconds:F1} s"));
        return $"  steps of {site} (from the ledger): " + string.Join(", ", gaps);
    }

    /// <summary>The step running at <paramref name="at"/>: the one after the last event before it.</summary>
    public static string StepAt(IReadOnlyList<BatchLedgerEvent> events, DateTimeOffset at) =>
        events.Where(e => e.At <= at).OrderBy(e => e.Status).LastOrDefault() is { } last
            ? StepAfter(last.Status)
            : "before the ingest started (upload, event)";

    /// <summary>The step that follows an event of <paramref name="from"/>.</summary>
    public static string StepAfter(BatchStatus from) => from switch
    {
        BatchStatus.Received => "receive",
        BatchStatus.Validated => "validate + store chunks",
        BatchStatus.Stored => "record stored",
        BatchStatus.Aggregated => "aggregate",
        BatchStatus.Scheduled => "schedule",
        BatchStatus.Completed => "complete (receipt)",
        _ => "after " + from,
    };
}
