using System.Globalization;
using DurableTask.Core.History;
using Azure.Data.Tables;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Workflows.Durable;
using SpineMetsRegistry.Storage.Blobs;
using SpineMetsRegistry.Storage.Ledger;
using SpineMetsRegistry.Synthetic;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Support;

/// <summary>
/// A registry run by host processes (<see cref="HostProcess"/>) on the shared Azurite, in a
/// storage namespace of its own: starts registry and worker processes with the test engine
/// settings, uploads as the sites do, and reads what the processes did from storage.
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

    /// <summary>Starts a registry process (HTTP on a free port, watcher, queue, engine).</summary>
    public Task<HostProcess> StartRegistryAsync() => StartAsync(worker: false);

    /// <summary>Starts an extra worker process (queue and engine only).</summary>
    public Task<HostProcess> StartWorkerAsync() => StartAsync(worker: true);

    /// <summary>Uploads a batch into its site's incoming/ area, as the site does.</summary>
    public async Task UploadAsync(Batch batch)
    {
        using var content = new MemoryStream(batch.Bytes);
        await new LandingBlobStore(Storage.Clients()).WriteAsync(batch.Site, LandingArea.Incoming, batch.FileName, content, "text/csv");
    }

    /// <summary>Waits until every batch's ledger entry is completed (or one failed).</summary>
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
                timedOut.Message + "\n" + string.Join("\n", _processes.Select(p => $"process {p.Id} ({(p.HasExited ? "exited" : "running")}):\n  " + string.Join("\n  ", p.Output.TakeLast(30)))),
                timedOut);
        }
    }

    private async Task WaitForEachAsync(IEnumerable<Batch> batches, TimeSpan timeout)
    {
        var ledger = new TableBatchLedger(Storage.Clients());
        foreach (var batch in batches)
        {
            var entry = await Eventually.GetAsync(
                () => ledger.GetAsync(batch.Site, batch.Key.Value),
                e => e is { Status: BatchStatus.Completed or BatchStatus.Failed },
                timeout,
                $"batch {batch.Key} to be completed");
            Assert.Equal(BatchStatus.Completed, entry.Status);

            // The ledger says Completed before the last activity has tidied up: wait for the orchestration.
            var instances = new TableServiceClient(Storage.ConnectionString).GetTableClient(Storage.TablePrefix + TaskHubNames.Default + "Instances");
            await Eventually.GetAsync(
                async () => (await instances.GetEntityIfExistsAsync<TableEntity>(batch.Key.InstanceId, string.Empty)).Value?.GetString("RuntimeStatus"),
                status => status == "Completed",
                timeout,
                $"the orchestration of {batch.Key} to complete");
        }
    }

    /// <summary>The engine's history events of every instance, by instance ID (event types in order).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<EventType>>> HistoryAsync()
    {
        var table = new TableServiceClient(Storage.ConnectionString).GetTableClient(Storage.TablePrefix + TaskHubNames.Default + "History");
        var events = new Dictionary<string, List<(string Row, EventType Type)>>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "EventType"]))
        {
            if (!events.TryGetValue(row.PartitionKey, out var list))
            {
                events[row.PartitionKey] = list = [];
            }

            list.Add((row.RowKey, Enum.Parse<EventType>(row.GetString("EventType"))));
        }

        return events.ToDictionary(e => e.Key, e => (IReadOnlyList<EventType>)[.. e.Value.OrderBy(v => v.Row, StringComparer.Ordinal).Select(v => v.Type)], StringComparer.Ordinal);
    }

    /// <summary>The workers that hold a partition lease now.</summary>
    public async Task<IReadOnlySet<string>> PartitionOwnersAsync()
    {
        var table = new TableServiceClient(Storage.ConnectionString).GetTableClient(Storage.TablePrefix + TaskHubNames.Default + "Partitions");
        var owners = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            if (row.GetString("CurrentOwner") is { Length: > 0 } owner && row.GetDateTimeOffset("ExpiresAt") > DateTimeOffset.UtcNow)
            {
                owners.Add(owner);
            }
        }

        return owners;
    }

    /// <summary>
    /// Batches that keep the comparison independent of processing order: site S01 and S02
    /// alternately, each with patients of its own (study numbers do not overlap).
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

    private async Task<HostProcess> StartAsync(bool worker)
    {
        List<string> arguments =
        [
            "--storage", Storage.ConnectionString,
            "--config", Registry.FilePath,
            .. Storage.HostArguments,
            .. TestEngine.Arguments(),
        ];
        arguments.AddRange(worker ? ["--worker"] : ["--port", "0", "--state", _state.FullName]);
        var process = await HostProcess.StartAsync(arguments, StartTimeout);
        _processes.Add(process);
        return process;
    }
}
