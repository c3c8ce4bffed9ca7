using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using SpineMetsRegistry.Benchmarks.Support;
using SpineMetsRegistry.Domain.Committee;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.Aggregates;

namespace SpineMetsRegistry.Benchmarks.Api;

/// <summary>
/// <c>api --visits N[,M]</c>: latency of the committee's API over HTTP on the local host
/// (authorization, audit and disclosure control included), at each registry size: the first
/// answer of a scope (which reads its documents and builds its disclosure audit) and then
/// p50/p95 over every statistics table, pooled and per site, with and without filters (period,
/// primary tumour group, index treatment, time point), the filtered survival curves and outcome
/// tables among them, and each scope's aggregate tables (<c>/api/aggregates/{scope}</c>).
/// </summary>
internal static class ApiBenchmark
{
    private const int Sites = 5;

    public static async Task<int> RunAsync(IReadOnlyList<int> sizes, int requests)
    {
        Console.WriteLine(MachineLine.Now());
        await using var registry = await LocalRegistry.StartAsync(Sites);
        var results = new List<(int Visits, Latency Latency)>();
        for (var i = 0; i < sizes.Count; i++)
        {
            await using var host = await registry.StartHostAsync("api" + i.ToString(CultureInfo.InvariantCulture));
            var seeding = Stopwatch.StartNew();
            var pooled = await StatisticsSeeder.SeedAsync(host.Services.GetRequiredService<IAggregateStore>(), host.Services.GetRequiredService<RegistryPolicies>(), registry.Sites, sizes[i]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{sizes[i]:N0} visits: statistics of {pooled.Cells.Count:N0} filter cells seeded in {seeding.Elapsed.TotalSeconds:F1} s (load average {MachineLine.LoadAverage()})"));

            // No client timeout: on a loaded machine the first answer of a scope may take minutes.
            using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.Credentials.Committee);
            var paths = Paths(pooled, registry.Sites[0]);
            var cold = new List<double>();
            foreach (var scope in new[] { "pooled", "site:" + registry.Sites[0] })
            {
                cold.Add(await TimeAsync(client, $"/api/statistics/{scope}"));
            }

            var times = new List<double>();
            var firsts = new List<double>();
            var aggregateTimes = new List<double>();
            var asked = new HashSet<string>(StringComparer.Ordinal);
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            for (var r = 0; r < requests; r++)
            {
                var path = paths[r % paths.Count];
                var time = await TimeAsync(client, path);
                times.Add(time);

                // The first request of a table and filter computes it; repeats are served from what
                // the scope's publisher kept for this stored version. Both are in the percentiles.
                if (asked.Add(path))
                {
                    firsts.Add(time);
                }

                if (path.StartsWith("/api/aggregates/", StringComparison.Ordinal))
                {
                    aggregateTimes.Add(time);
                }
            }

            process.Refresh();
            var cpuPerRequest = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / requests;
            var latency = Latency.Of(times, cold, cpuPerRequest);
            firsts.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  first request of each of the {firsts.Count} table/filter combinations (computes the table): p50 {Latency.Percentile(firsts, 0.50):F1} ms, p95 {Latency.Percentile(firsts, 0.95):F1} ms, max {firsts[^1]:F1} ms"));
            aggregateTimes.Sort();
            if (aggregateTimes.Count > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {aggregateTimes.Count} requests of /api/aggregates/{{scope}} (every binned table of the scope): p50 {Latency.Percentile(aggregateTimes, 0.50):F1} ms, max {aggregateTimes[^1]:F1} ms"));
            }
            results.Add((sizes[i], latency));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {requests} requests over {paths.Count} table/filter combinations: p50 {latency.P50:F1} ms, p95 {latency.P95:F1} ms, max {latency.Max:F1} ms, CPU {latency.CpuPerRequest:F1} ms per request (server and client); first answer of a scope {latency.ColdMax:F0} ms (reads and parses its documents, builds its disclosure audit and every unfiltered table, kept until the statistics change; load average {MachineLine.LoadAverage()})"));
        }

        Console.WriteLine("| stored visits | p50 ms | p95 ms | max ms | CPU ms per request | first answer of a scope, ms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var (visits, latency) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {visits:N0} | {latency.P50:F1} | {latency.P95:F1} | {latency.Max:F1} | {latency.CpuPerRequest:F1} | {latency.ColdMax:F0} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"api p95 ms: {results[^1].Latency.P95:F1} at {results[^1].Visits:N0} visits (at {results[0].Visits:N0}: {results[0].Latency.P95:F1}, ratio {results[^1].Latency.P95 / results[0].Latency.P95:F2})"));
        return 0;
    }

    /// <summary>Every table, pooled and for a site, unfiltered and under filters the stored statistics know, and each scope's aggregate tables.</summary>
    private static List<string> Paths(SiteStatistics pooled, string site)
    {
        var dimensions = pooled.DimensionValues();
        string First(int dimension) => dimensions[dimension].FirstOrDefault(v => v != CommitteeDimensions.All) ?? CommitteeDimensions.All;
        var filters = new[]
        {
            string.Empty,
            "?primary_group=" + Uri.EscapeDataString(First(1)),
            "?period=" + Uri.EscapeDataString(First(0)) + "&time_point=12w",
            "?index_treatment=" + Uri.EscapeDataString(First(2)) + "&primary_group=" + Uri.EscapeDataString(First(1)),
        };
        var paths = new List<string>();
        foreach (var scope in new[] { "pooled", "site:" + site })
        {
            foreach (var table in CommitteePublisher.TableNames)
            {
                paths.AddRange(filters.Select(filter => $"/api/statistics/{scope}/{table}{filter}"));
            }

            // The dashboard's other read: every binned aggregate table of the scope, suppressed.
            paths.Add($"/api/aggregates/{scope}");
        }

        return paths;
    }

    private static async Task<double> TimeAsync(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        clock.Stop();
        if (!response.IsSuccessStatusCode || body.Length == 0)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Wall-clock latencies, and the CPU time a request costs (what the shared cores' load does not change).</summary>
    private sealed record Latency(double P50, double P95, double Max, double ColdMax, double CpuPerRequest)
    {
        public static Latency Of(List<double> times, List<double> cold, double cpuPerRequest)
        {
            times.Sort();
            return new Latency(Percentile(times, 0.50), Percentile(times, 0.95), times[^1], cold.Max(), cpuPerRequest);
        }

        public static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
