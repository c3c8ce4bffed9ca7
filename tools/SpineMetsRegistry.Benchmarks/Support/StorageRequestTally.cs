using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace SpineMetsRegistry.Benchmarks.Support;

/// <summary>
/// Counts the HTTP requests this process sends to storage while it is listening, by kind
/// (table query, point read, entity-group transaction, single entity write, queue and blob
/// operations), with the time they took. On Azurite the emulator's work per request, not the
/// registry's CPU, sets the pace, so what the pipeline sends is the profile that says where an
/// ingest's time goes. Reads the activities <c>System.Net.Http</c> emits for each request.
/// </summary>
internal sealed class StorageRequestTally : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, Tally> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _services;
    private volatile bool _counting;

    /// <summary>Listens to this process's requests to the storage endpoints in <paramref name="connectionString"/>.</summary>
    public StorageRequestTally(string connectionString)
    {
        _services = ServicePorts(connectionString);
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Starts counting from zero.</summary>
    public void Start()
    {
        _byKind.Clear();
        _counting = true;
    }

    /// <summary>Stops counting and returns the lines to print: a total, then each kind, most time first.</summary>
    public IReadOnlyList<string> Stop()
    {
        _counting = false;
        var kinds = _byKind.OrderByDescending(k => k.Value.Milliseconds).ToList();
        var total = kinds.Sum(k => k.Value.Count);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"requests to storage: {total:N0}, by kind (count, summed request time):"),
        };
        lines.AddRange(kinds.Select(k => string.Create(CultureInfo.InvariantCulture,
            $"  {k.Key}: {k.Value.Count:N0}, {k.Value.Milliseconds / 1000.0:F1} s")));
        return lines;
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Activity activity)
    {
        if (!_counting || activity.GetTagItem("url.full") is not string url || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !_services.TryGetValue(uri.Port, out var service))
        {
            return;
        }

        var method = activity.GetTagItem("http.request.method") as string ?? activity.DisplayName;
        var tally = _byKind.GetOrAdd(Classify(service, method, uri.AbsolutePath), _ => new Tally());
        tally.Add(activity.Duration);
    }

    private static string Classify(string service, string method, string path)
    {
        if (service != "table")
        {
            return $"{service} {method}" + (service == "queue" && path.EndsWith("/messages", StringComparison.Ordinal) ? " messages" : string.Empty);
        }

        if (path.EndsWith("$batch", StringComparison.Ordinal))
        {
            return "table transaction";
        }

        var pointed = path.Contains("PartitionKey=", StringComparison.Ordinal);
        return method switch
        {
            "GET" when pointed => "table point read",
            "GET" => "table query",
            "DELETE" when pointed => "table single delete",
            _ when pointed => "table single write",
            _ => "table " + method,
        };
    }

    // Which service each endpoint port is (Azurite serves blob, queue and table on three ports).
    private static Dictionary<int, string> ServicePorts(string connectionString)
    {
        var ports = new Dictionary<int, string>();
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && pair[0].EndsWith("Endpoint", StringComparison.Ordinal) && Uri.TryCreate(pair[1], UriKind.Absolute, out var endpoint))
            {
                ports[endpoint.Port] = pair[0][..^"Endpoint".Length].ToLowerInvariant();
            }
        }

        return ports;
    }

    private sealed class Tally
    {
        private long _count;
        private long _ticks;

        public long Count => Interlocked.Read(ref _count);

        public double Milliseconds => TimeSpan.FromTicks(Interlocked.Read(ref _ticks)).TotalMilliseconds;

        public void Add(TimeSpan duration)
        {
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _ticks, duration.Ticks);
        }
    }
}
