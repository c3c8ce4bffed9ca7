using System.Collections.Concurrent;
using SpineMetsRegistry.Infra.Tests.Bicep;

namespace SpineMetsRegistry.Infra.Tests.Snapshots;

/// <summary>Runs <c>bicep snapshot</c> for a scenario against a copy of infra/.</summary>
public static class SnapshotRunner
{
    private static readonly ConcurrentDictionary<string, Lazy<SnapshotOutcome>> Cache = new();

    /// <summary>The snapshot of the unmodified repository infra for a scenario, computed once per test run.</summary>
    public static SnapshotOutcome ForRepositoryInfra(SnapshotScenario scenario) =>
        Cache.GetOrAdd(scenario.Name, _ => new Lazy<SnapshotOutcome>(() =>
        {
            using var workspace = InfraWorkspace.CopyOfRepositoryInfra();
            return Run(workspace, scenario);
        })).Value;

    public static SnapshotOutcome Run(InfraWorkspace workspace, SnapshotScenario scenario)
    {
        const string registryFileName = "registry.scenario.json";
        File.WriteAllText(Path.Combine(workspace.ScenarioDirectory, registryFileName), scenario.Registry.Json);
        var mainBicep = Path.GetRelativePath(workspace.ScenarioDirectory, Path.Combine(workspace.InfraDirectory, "main.bicep"));
        var parametersFile = Path.Combine(workspace.ScenarioDirectory, "scenario.bicepparam");
        File.WriteAllText(parametersFile, scenario.RenderParameters(mainBicep, registryFileName));
        return RunParametersFile(workspace.ScenarioDirectory, parametersFile);
    }

    /// <summary>Snapshots an existing parameters file (its snapshot is written beside it).</summary>
    public static SnapshotOutcome RunParametersFile(string workingDirectory, string parametersFile, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var run = BicepCli.Instance.Run(
            workingDirectory,
            [
                "snapshot", parametersFile,
                "--mode", "overwrite",
                "--subscription-id", SnapshotContext.SubscriptionId,
                "--resource-group", SnapshotContext.ResourceGroup,
                "--location", SnapshotContext.Location,
                "--tenant-id", SnapshotContext.TenantId,
                "--deployment-name", "main",
            ],
            environment);
        var snapshotFile = Path.ChangeExtension(parametersFile, ".snapshot.json");
        return run.Succeeded && File.Exists(snapshotFile)
            ? new SnapshotOutcome(DeploymentSnapshot.Parse(File.ReadAllText(snapshotFile)), run)
            : new SnapshotOutcome(null, run);
    }
}
