using Azure.Core;
using Azure.Core.Pipeline;

namespace SpineMetsRegistry.LocalHost.Engine;

/// <summary>Puts an <see cref="IEngineStorageGate"/> in front of every request of the engine's storage clients (once per call, outside the retries).</summary>
internal sealed class EngineStorageGatePolicy(IEngineStorageGate gate) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) => gate.ThrowIfClosed();
}
