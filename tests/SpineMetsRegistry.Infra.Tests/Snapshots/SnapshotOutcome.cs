using SpineMetsRegistry.Infra.Tests.Bicep;

namespace SpineMetsRegistry.Infra.Tests.Snapshots;

/// <summary>Either a deployment snapshot or the reason Bicep/ARM refused to produce one.</summary>
public sealed record SnapshotOutcome(DeploymentSnapshot? Result, BicepRun Run)
{
    public bool Succeeded => Result is not null;

    /// <summary>Everything Bicep printed when it refused (fail() messages, diagnostics).</summary>
    public string FailureText => Run.StandardOutput + Run.StandardError;

    /// <summary>The snapshot; a failed run throws with Bicep's own message so the test shows why.</summary>
    public DeploymentSnapshot Snapshot => Result ?? throw new InvalidOperationException($"No snapshot was produced:{Environment.NewLine}{Run}");
}
