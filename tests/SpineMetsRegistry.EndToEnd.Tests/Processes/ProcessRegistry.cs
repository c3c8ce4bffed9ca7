using System.Globalization;
using Azure.Data.Tables;
using DurableTask.Core.History;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Workflows.Durable;
using SpineMetsRegistry.Storage.Blobs;
using SpineMetsRegistry.Storage.Ledger;
using SpineMetsRegistry.Synthetic;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Processes;

/// <summary>
/// A registry run by host processes (<see cref="HostProcess"/>) on the shared Azurite, in a
/// storage namespace of its own: starts registry and worker processes with the test engine
/// settings (passed as <c>--Registry:Engine:*</c> switches), uploads as the sites do, and reads
/// what the processes did from storage.
/// </summary>
internal sealed class ProcessRegistry : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("spinemets-e2e-process-");
    private readonly List<HostProcess> _processes = [];

    public ProcessRegistry(AzuriteFixture azurite, TestRegistry registry)
    {
        Registry = registry;
        Storage = StorageNamespace.Create(azurite);
    }

    public TestRegistry Registry { get; }

    public StorageNamespace Storage { get; }

    /// <summary>
    /// Starts a registry process (HTTP on a free port, watcher, queue, engine; no mail server).
    /// With <paramref name="workerId"/> its engine holds leases under that name: a process
    /// restarted under its dead predecessor's name takes the partitions back at once.
    /// </summary>
    public Task<HostProcess> StartRegistryAsync(string? workerId = null) => StartAsync(worker: false, workerId);

    /// <summary>Starts an extra worker process (queue and engine only).</summary>
    public Task<HostProcess> StartWorkerAsync() => StartAsync(worker: true, workerId: null);

    /// <summary>Uploads a batch into its site's incoming/ area, as the site does.</summary>
    public async Task UploadAsync(Batch batch)
    {
        using var content = new MemoryStream(batch.Bytes);
        await new LandingBlobStore(Storage.Clients()).WriteAsync(batch.Site, LandingArea.Incoming, batch.FileName, content, "text/csv");
    }

    /// <summary>Waits until every batch's ledger entry is completed and its orchestration has finished.</summary>
    public async Task WaitForCompletedAsync(IEnumerable<Batch> batches, TimeSpan timeout)
    {
        try
        {
            await WaitForEachAsync(batches, timeout);
        }
        catch (TimeoutException timedOut)
        {
            // What the processes said is the only clue to what they were doing.
            throw new TimeoutException(
                timedOut.Message + "\n" + string.Join("\n", _processes.TakeLast(3).Select(p => $"process {p.Id} ({(p.HasExited ? "exited" : "running")}):\n  " + string.Join("\n  ", p.Output.TakeLast(30)))),
                timedOut);
        }
    }

    /// <summary>How many of <paramref name="batches"/> the ledger shows completed.</summary>
    public Task<int> CompletedCountAsync(IEnumerable<Batch> batches) => ReachedCountAsync(batches, BatchStatus.Completed);

    /// <summary>How many of <paramref name="batches"/> the ledger shows at <paramref name="status"/> or a later step of a stored batch (not failed).</summary>
    public async Task<int> ReachedCountAsync(IEnumerable<Batch> batches, BatchStatus status)
    {
        var ledger = new TableBatchLedger(Storage.Clients());
        var reached = 0;
        foreach (var batch in batches)
        {
            if ((await ledger.GetAsync(batch.Site, batch.Key.Value))?.Status is { } current && current >= status && current <= BatchStatus.Completed)
            {
                reached++;
            }
        }

        return reached;
    }

    /// <summary>The latest time any orchestration instance of the task hub was updated (null before any).</summary>
    public async Task<DateTimeOffset?> LastEngineProgressAsync()
    {
        DateTimeOffset? latest = null;
        await foreach (var row in EngineTable("Instances").QueryAsync<TableEntity>(select: ["LastUpdatedTime"]))
        {
            if (row.GetDateTimeOffset("LastUpdatedTime") is { } at && (latest is null || at > latest))
            {
                latest = at;
            }
        }

        return latest;
    }

    /// <summary>The engine's history events of every instance, by instance ID (event types in order).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<EventType>>> HistoryAsync()
    {
        var events = new Dictionary<string, List<(string Row, EventType Type)>>(StringComparer.Ordinal);
        await foreach (var row in EngineTable("History").QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "EventType"]))
        {
            // Each instance also has a sentinel row (the engine's concurrency check), no event.
            if (row.GetString("EventType") is not { } type)
            {
                continue;
            }

            if (!events.TryGetValue(row.PartitionKey, out var list))
            {
                events[row.PartitionKey] = list = [];
            }

            list.Add((row.RowKey, Enum.Parse<EventType>(type)));
        }

        return events.ToDictionary(e => e.Key, e => (IReadOnlyList<EventType>)[.. e.Value.OrderBy(v => v.Row, StringComparer.Ordinal).Select(v => v.Type)], StringComparer.Ordinal);
    }

    /// <summary>The workers that hold an unexpired partition lease now.</summary>
    public async Task<IReadOnlySet<string>> PartitionOwnersAsync()
    {
        var owners = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in EngineTable("Partitions").QueryAsync<TableEntity>())
        {
            if (row.GetString("CurrentOwner") is { Length: > 0 } owner && row.GetDateTimeOffset("ExpiresAt") > DateTimeOffset.UtcNow)
            {
                owners.Add(owner);
            }
        }

        return owners;
    }

    /// <summary>
    /// Small batches that keep the comparison independent of processing order: sites S01 and
    /// S02 alternately, each batch with patients of its own (study numbers do not overlap).
    /// </summary>
    public static IReadOnlyList<Batch> Batches(int count, int patients) =>
    [
        .. Enumerable.Range(0, count).Select(i =>
        {
            var site = i % 2 == 0 ? "S01" : "S02";
            var rows = SyntheticCohortGenerator.Generate(new SyntheticCohortOptions
            {
                SiteCode = site,
                Patients = patients,
                AsOf = new DateOnly(2026, 1, 15),
                Seed = 500 + i,
                FirstStudyNumber = 1 + (i * patients),
            });
            return Batch.Csv(site, string.Create(CultureInfo.InvariantCulture, $"process-{i:D2}.csv"), rows);
        }),
    ];

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        _state.Delete(recursive: true);
    }

    private async Task WaitForEachAsync(IEnumerable<Batch> batches, TimeSpan timeout)
    {
        var ledger = new TableBatchLedger(Storage.Clients());
        var instances = EngineTable("Instances");
        foreach (var batch in batches)
        {
            var entry = await Eventually.GetAsync(
                () => ledger.GetAsync(batch.Site, batch.Key.Value),
                e => e is { Status: BatchStatus.Completed or BatchStatus.Failed },
                timeout,
                $"batch {batch.Key} to be completed");
            Assert.Equal(BatchStatus.Completed, entry.Status);

            // The ledger says Completed before the last activity has tidied up: wait for the orchestration.
            await Eventually.GetAsync(
                async () => (await instances.GetEntityIfExistsAsync<TableEntity>(batch.Key.InstanceId, string.Empty)).Value?.GetString("RuntimeStatus"),
                status => status == "Completed",
                timeout,
                $"the orchestration of {batch.Key} to complete");
        }
    }

    private TableClient EngineTable(string name) =>
        new TableServiceClient(Storage.ConnectionString).GetTableClient(Storage.TablePrefix + TaskHubNames.Default + name);

    private async Task<HostProcess> StartAsync(bool worker, string? workerId)
    {
        List<string> arguments =
        [
            "--storage", Storage.ConnectionString,
            "--config", Registry.FilePath,
            .. Storage.HostArguments,
            .. TestEngine.Arguments(),
        ];
        if (workerId is not null)
        {
            arguments.Add($"--Registry:Engine:WorkerId={workerId}");
        }

        arguments.AddRange(worker ? ["--worker"] : ["--port", "0", "--state", _state.FullName, "--no-mail"]);
        var process = await HostProcess.StartAsync(arguments, StartTimeout);
        _processes.Add(process);
        return process;
    }
}
