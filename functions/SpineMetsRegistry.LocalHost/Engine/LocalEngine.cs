using Azure.Core;
using DurableTask.AzureStorage;
using DurableTask.AzureStorage.Partitioning;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Options;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ingest.Orchestration;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Workflows;
using SpineMetsRegistry.Pipeline.Workflows.Durable;
using SpineMetsRegistry.Storage.Configuration;
using SpineMetsRegistry.Storage.Connection;
using DtfxActivity = DurableTask.Core.TaskActivity;

namespace SpineMetsRegistry.LocalHost.Engine;

/// <summary>
/// The local registry's workflow engine: the Durable Task Framework with its Azure Storage
/// provider (the provider Durable Functions uses in Azure) over the registry's storage
/// account (Azurite locally), running the Pipeline's orchestrator classes and the shared
/// activities through the Durable Task SDK's shims. Every host process that shares the
/// storage account shares the task hub: the engine spreads orchestrations over the processes
/// by partition lease, and moves a killed process's partitions to the others.
/// </summary>
public sealed class LocalEngine : IAsyncDisposable
{
    private readonly IngestActivities _activities;
    private readonly IWorkflowClock _clock;
    private readonly WorkflowRetryPolicy _retry;
    private readonly IActivityObserver? _observer;
    private readonly DurableTaskShimFactory _shims;
    private readonly TaskHubWorker _worker;
    private bool _workerStarted;

    /// <summary>Creates the engine over the registry's storage (nothing runs until started).</summary>
    public LocalEngine(
        IOptions<RegistryStorageOptions> storage,
        EngineSettings settings,
        IngestActivities activities,
        TimeProvider time,
        WorkflowRetryPolicy retry,
        ILoggerFactory loggers,
        IActivityObserver? observer = null,
        IEngineStorageGate? storageGate = null,
        IEnumerable<IStorageClientOptionsConfigurator>? storageClients = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(settings);
        var options = storage.Value;
        if (string.IsNullOrEmpty(options.ConnectionString))
        {
            throw new InvalidOperationException("The local engine needs Registry:Storage:ConnectionString (the local host always runs on a connection string).");
        }

        HubName = TaskHubNames.For(options.TablePrefix);
        Settings = settings;
        _activities = activities;
        // A host whose clock is not the system clock (tests freezing or moving time) gives the
        // orchestrations that clock; otherwise the engine's own replay-safe clock.
        _clock = ReferenceEquals(time, TimeProvider.System) ? OrchestrationClock.Instance : new TimeProviderClock(time);
        _retry = retry;
        _observer = observer;
        Service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = ClientProvider(options.ConnectionString, [.. storageClients ?? []], storageGate),
            TaskHubName = HubName,
            // Unique per process and per engine unless configured: two processes on one machine
            // must not look like one worker to the partition manager.
            WorkerId = settings.WorkerId ?? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}",
            PartitionCount = settings.PartitionCount,
            MaxQueuePollingInterval = settings.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = settings.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = settings.WorkItemQueueVisibilityTimeout,
            LeaseInterval = settings.LeaseInterval,
            LeaseRenewInterval = settings.LeaseRenewInterval,
            LeaseAcquireInterval = settings.LeaseAcquireInterval,
            AppLeaseOptions = AppLease(settings),
            // DTFx gives each partition-table read-and-write 2 s; Azurite on a busy laptop can
            // take longer, and every timed-out attempt delays the partitions' leases (nothing
            // runs until they are held).
            PartitionTableOperationTimeout = TimeSpan.FromSeconds(30),
            MaxConcurrentTaskActivityWorkItems = settings.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = settings.MaxConcurrentOrchestrations,
            // A start for an instance that exists in one of the dedupe statuses is refused.
            ThrowExceptionOnInvalidDedupeStatus = true,
            LoggerFactory = loggers,
        });
        Client = new TaskHubClient(Service, SystemTextJsonDataConverter.Instance, loggers);
        _shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), loggers);
        _worker = new TaskHubWorker(Service, loggers);
        _worker.AddTaskOrchestrations(
            Orchestration(IngestActivityNames.Workflow, () => new IngestOrchestrator(_clock, _retry)),
            Orchestration(IngestActivityNames.StoreChunkSegment, () => new ChunkSegmentOrchestrator(_clock, _retry)),
            Orchestration(IngestActivityNames.ScheduleGroupSegment, () => new ScheduleSegmentOrchestrator(_retry)));
        _worker.AddTaskActivities(
            Activity<ReceiveInput, ReceivedBatch>(IngestActivityNames.Receive, _activities.Receive.RunAsync),
            Activity<BatchStep, ValidatedBatch>(IngestActivityNames.Validate, _activities.Validate.RunAsync),
            Activity<ChunkStep, StoreCounts>(IngestActivityNames.StoreChunk, _activities.StoreChunk.RunAsync),
            Activity<StoredStep, bool>(IngestActivityNames.RecordStored, _activities.RecordStored.RunAsync),
            Activity<BatchStep, bool>(IngestActivityNames.Aggregate, _activities.Aggregate.RunAsync),
            Activity<BatchStep, SchedulePlan>(IngestActivityNames.PlanSchedule, _activities.PlanSchedule.RunAsync),
            Activity<ScheduleGroupStep, int>(IngestActivityNames.ScheduleGroup, _activities.ScheduleGroup.RunAsync),
            Activity<ScheduledStep, bool>(IngestActivityNames.RecordScheduled, _activities.RecordScheduled.RunAsync),
            Activity<StoredStep, bool>(IngestActivityNames.Complete, _activities.Complete.RunAsync),
            Activity<FailureStep, bool>(IngestActivityNames.RecordFailure, _activities.RecordFailure.RunAsync));
    }

    /// <summary>The User-Agent prefix (<see cref="Azure.Core.DiagnosticsOptions.ApplicationId"/>) of the task hub's storage clients.</summary>
    public const string EngineApplicationId = "spinemets-engine";

    /// <summary>The task hub's name (its tables, queues and lease containers start with it).</summary>
    public string HubName { get; }

    /// <summary>The settings the engine runs with.</summary>
    public EngineSettings Settings { get; }

    /// <summary>The Azure Storage provider (task hub management: creation, history, purge).</summary>
    public AzureStorageOrchestrationService Service { get; }

    /// <summary>The client that starts and inspects orchestrations (System.Text.Json payloads).</summary>
    public TaskHubClient Client { get; }

    /// <summary>Creates the task hub's tables, queues and containers when missing (idempotent).</summary>
    public Task EnsureCreatedAsync() => Service.CreateIfNotExistsAsync();

    /// <summary>Starts running orchestrations and activities in this process.</summary>
    public async Task StartWorkerAsync()
    {
        await _worker.StartAsync();
        _workerStarted = true;
    }

    /// <summary>Stops running work here; <paramref name="forced"/> abandons work in flight (what a kill leaves).</summary>
    public async Task StopWorkerAsync(bool forced)
    {
        if (_workerStarted)
        {
            _workerStarted = false;
            await _worker.StopAsync(forced);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopWorkerAsync(forced: false);
        _worker.Dispose();
    }

    /// <summary>
    /// The app lease (a blob lease per task hub that a process must hold before it runs
    /// anything) tried again as often as the partition leases. With DTFx's defaults a worker
    /// whose first attempt fails for any reason (one storage 500 at start-up is enough) waits 5
    /// minutes before the next, with its work waiting. A blob lease lasts 15 to 60 seconds, so
    /// its length is the partition lease's brought into that range, renewed at least three
    /// times within it.
    /// </summary>
    private static AppLeaseOptions AppLease(EngineSettings settings)
    {
        var length = TimeSpan.FromSeconds(Math.Clamp(settings.LeaseInterval.TotalSeconds, 15, 60));
        return new AppLeaseOptions
        {
            AcquireInterval = settings.LeaseAcquireInterval,
            LeaseInterval = length,
            RenewInterval = settings.LeaseRenewInterval < length / 3 ? settings.LeaseRenewInterval : length / 3,
        };
    }

    /// <summary>
    /// The task hub's storage clients over the connection string, with the registry's client
    /// configurators applied (none in production; the reliability tests inject faults here, so
    /// the engine's own storage calls meet the same faults as the activities') and, in the kill
    /// tests, the gate that cuts a killed engine off its storage.
    /// </summary>
    private static StorageAccountClientProvider ClientProvider(string connectionString, IReadOnlyList<IStorageClientOptionsConfigurator> configurators, IEngineStorageGate? gate)
    {
        var gatePolicy = gate is null ? null : new EngineStorageGatePolicy(gate);
        T Configured<T>(T clientOptions)
            where T : Azure.Core.ClientOptions
        {
            // The task hub's requests carry their own User-Agent prefix, so storage logs (and the
            // configurators) tell them from the registry's: a table transaction's URL ($batch)
            // does not name its table.
            clientOptions.Diagnostics.ApplicationId = EngineApplicationId;
            foreach (var configurator in configurators)
            {
                configurator.Configure(clientOptions);
            }

            if (gatePolicy is not null)
            {
                clientOptions.AddPolicy(gatePolicy, HttpPipelinePosition.PerCall);
            }

            return clientOptions;
        }

        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connectionString, Configured(new Azure.Storage.Blobs.BlobClientOptions())),
            StorageServiceClientProvider.ForQueue(connectionString, Configured(new Azure.Storage.Queues.QueueClientOptions())),
            StorageServiceClientProvider.ForTable(connectionString, Configured(new Azure.Data.Tables.TableClientOptions())));
    }

    private FactoryObjectCreator<TaskOrchestration> Orchestration(string name, Func<ITaskOrchestrator> create) =>
        new(name, () => _shims.CreateOrchestration(name, create(), parent: null));

    private FactoryObjectCreator<DtfxActivity> Activity<TInput, TOutput>(string name, Func<TInput, CancellationToken, Task<TOutput>> run) =>
        new(name, () => _shims.CreateActivity<TInput, TOutput>(name, async (_, input) =>
        {
            if (_observer is not null)
            {
                await _observer.BeforeAsync(name);
            }

            var output = await run(input ?? throw new InvalidOperationException($"Activity {name} received no input."), CancellationToken.None);
            if (_observer is not null)
            {
                await _observer.AfterAsync(name);
            }

            return output;
        }));
}
