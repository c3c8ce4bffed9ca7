using System.Collections.Concurrent;
using System.Net;

namespace SpineMetsRegistry.EndToEnd.Tests.Reliability.Support;

/// <summary>What the API readers saw during a load: each request's route, status and time.</summary>
internal sealed class LatencyRecorder
{
    private readonly ConcurrentQueue<(string Route, HttpStatusCode Status, TimeSpan Elapsed)> _requests = new();

    public IReadOnlyList<(string Route, HttpStatusCode Status, TimeSpan Elapsed)> Requests => [.. _requests];

    public void Add(string route, HttpStatusCode status, TimeSpan elapsed) => _requests.Enqueue((route, status, elapsed));

    /// <summary>The nearest-rank percentile of the request times, in milliseconds.</summary>
    public double PercentileMilliseconds(double percentile)
    {
        var sorted = _requests.Select(r => r.Elapsed.TotalMilliseconds).Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
