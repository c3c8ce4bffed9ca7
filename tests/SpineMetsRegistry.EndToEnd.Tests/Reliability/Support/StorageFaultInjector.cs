using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using SpineMetsRegistry.LocalHost.Engine;
using SpineMetsRegistry.Storage.Connection;

namespace SpineMetsRegistry.EndToEnd.Tests.Reliability.Support;

/// <summary>
/// An Azure SDK pipeline policy that makes a share of storage calls fail transiently, the way
/// a busy storage account does: 500, 503, a timeout before the request is sent, or a timeout
/// after the service applied it (see <see cref="StorageFault"/>). It is added to every storage
/// client the host builds (the registry's and the Durable engine's task hub clients) through
/// <see cref="IStorageClientOptionsConfigurator"/>, after the SDK's retry policy, so each
/// attempt can fail and what is left after the SDK's retries reaches the registry's and the
/// engine's own recovery. Draws come from one seeded generator; which calls they hit depends on
/// the order calls happen in, which concurrency varies, so a run is reproducible in its rate
/// and mix, not call by call. Faults are immediate (a timeout is simulated without waiting for
/// one). Test support only: production registers no configurator.
/// <para>
/// The engine's calls get every kind but <see cref="StorageFault.TimeoutAfterApplying"/>: a
/// lost answer to a queue-message update leaves DTFx holding a stale pop receipt, so it can
/// neither finish nor abandon that message until its visibility timeout ends. Whether the
/// engine gets through that at one call in ten is not established here (the run that stalled
/// also had made-up errors the SDK did not retry, since fixed in <see cref="InjectedResponse"/>).
/// The registry's own calls get all four: its activities must be idempotent against writes
/// that happened twice.
/// </para>
/// </summary>
internal sealed class StorageFaultInjector : IStorageClientOptionsConfigurator
{
    private static readonly StorageFault[] Kinds = Enum.GetValues<StorageFault>();

    private static readonly StorageFault[] EngineKinds = [.. Kinds.Where(k => k != StorageFault.TimeoutAfterApplying)];

    private readonly AsyncLocal<bool> _paused = new();
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly double _share;
    private readonly ConcurrentDictionary<(string Side, StorageFault Kind), int> _injected = new();
    private readonly ConcurrentQueue<string> _recent = new();
    private readonly bool _faultEngine;
    private long _calls;
    private volatile bool _enabled;

    /// <param name="share">The share of calls that fail (0.10: one in ten).</param>
    /// <param name="seed">The seed of the draws.</param>
    /// <param name="engine">Whether the engine's task hub calls are faulted too, or only the registry's.</param>
    public StorageFaultInjector(double share, int seed, bool engine = true)
    {
        _faultEngine = engine;
        ArgumentOutOfRangeException.ThrowIfNegative(share);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(share, 1.0);
        _share = share;
        _random = new Random(seed);
    }

    /// <summary>Storage calls seen while injecting (every attempt of the sides being faulted).</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Faults injected, by side ("registry" or "engine") and kind.</summary>
    public IReadOnlyDictionary<(string Side, StorageFault Kind), int> Injected => _injected;

    /// <summary>All faults injected.</summary>
    public int Total => _injected.Values.Sum();

    /// <summary>Faults injected into one side's calls.</summary>
    public int On(string side) => _injected.Where(i => i.Key.Side == side).Sum(i => i.Value);

    /// <summary>
    /// Starts injecting. Not armed at first, so a host's provisioning (a deployment step, not
    /// the run under test) is not faulted.
    /// </summary>
    public void Arm() => _enabled = true;

    /// <summary>Stops injecting (the test then reads the outcome through the same host).</summary>
    public void Disarm() => _enabled = false;

    /// <summary>
    /// Lets the calls made in the returned scope's async flow through unharmed: the test's
    /// own observation (waiting for an orchestration) is not part of the system under test.
    /// </summary>
    public IDisposable Pause()
    {
        _paused.Value = true;
        return new Resume(_paused);
    }

    /// <summary>One line for the test output.</summary>
    public string Describe() =>
        $"{Total} faults injected in {Calls} storage calls (registry {On(Registry)}, engine {On(Engine)}): " +
        string.Join(", ", Kinds.Select(k => $"{k} {_injected.Where(i => i.Key.Kind == k).Sum(i => i.Value)}"));

    /// <summary>The last faults injected (kind, method, path), for explaining a failure.</summary>
    public IReadOnlyList<string> Recent => [.. _recent];

    public const string Registry = "registry";

    public const string Engine = "engine";

    public void Configure(ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The engine's clients say who they are (a table transaction's URL names no table).
        var side = options.Diagnostics.ApplicationId == LocalEngine.EngineApplicationId ? Engine : Registry;
        options.AddPolicy(new SidePolicy(this, side), HttpPipelinePosition.PerRetry);
    }

    private StorageFault? Draw(HttpMessage message, string side)
    {
        if (!_enabled || _paused.Value)
        {
            return null;
        }

        if (side == Engine && !_faultEngine)
        {
            return null;
        }

        Interlocked.Increment(ref _calls);

        var kinds = side == Engine ? EngineKinds : Kinds;
        StorageFault kind;
        lock (_gate)
        {
            if (_random.NextDouble() >= _share)
            {
                return null;
            }

            kind = kinds[_random.Next(kinds.Length)];
        }

        _injected.AddOrUpdate((side, kind), 1, (_, n) => n + 1);
        _recent.Enqueue($"{kind} {message.Request.Method} {message.Request.Uri.Path}");
        while (_recent.Count > 40 && _recent.TryDequeue(out _))
        {
        }
        return kind;
    }

    private static void Fail(HttpMessage message, StorageFault fault)
    {
        var requestId = Guid.NewGuid().ToString();
        switch (fault)
        {
            case StorageFault.InternalError:
                message.Response = new InjectedResponse(500, "Internal Server Error", "InternalError", requestId);
                return;
            case StorageFault.ServerBusy:
                message.Response = new InjectedResponse(503, "Server Busy", "ServerBusy", requestId);
                return;
            default:
                // What the SDK's network timeout raises; its retry policy retries it because the caller did not cancel.
                throw new TaskCanceledException($"Injected {fault}: the storage call did not answer in time.");
        }
    }

    /// <summary>The pipeline policy of one client, knowing whose client it is.</summary>
    private sealed class SidePolicy(StorageFaultInjector injector, string side) : HttpPipelinePolicy
    {
        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var fault = injector.Draw(message, side);
            if (fault is null)
            {
                await ProcessNextAsync(message, pipeline);
                return;
            }

            if (fault == StorageFault.TimeoutAfterApplying)
            {
                await ProcessNextAsync(message, pipeline);
            }

            Fail(message, fault.Value);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var fault = injector.Draw(message, side);
            if (fault is null)
            {
                ProcessNext(message, pipeline);
                return;
            }

            if (fault == StorageFault.TimeoutAfterApplying)
            {
                ProcessNext(message, pipeline);
            }

            Fail(message, fault.Value);
        }
    }

    private sealed class Resume(AsyncLocal<bool> paused) : IDisposable
    {
        public void Dispose() => paused.Value = false;
    }
}
