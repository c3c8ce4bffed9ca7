using SpineMetsRegistry.Infra.Tests.Rules;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.FunctionApp.Tests.Support;

/// <summary>
/// What the repository's own deployment gives the Functions app: infra/main.bicepparam (which
/// reads infra/registry.json) snapshotted by the real Bicep CLI on a copy of infra/, once per run.
/// </summary>
internal static class DeployedSettings
{
    private static readonly Lazy<DeploymentSnapshot> Shared = new(() =>
    {
        using var workspace = InfraWorkspace.CopyOfRepositoryInfra();
        return SnapshotRunner.RunParametersFile(
            workspace.InfraDirectory,
            System.IO.Path.Combine(workspace.InfraDirectory, "main.bicepparam"),
            new Dictionary<string, string?> { ["SPINEMETS_API_CLIENT_ID"] = SnapshotScenario.ApiClientId }).Snapshot;
    });

    public static DeploymentSnapshot Snapshot => Shared.Value;

    /// <summary>The Functions app's evaluated app settings.</summary>
    public static IReadOnlyDictionary<string, object?> AppSettings => FunctionAppSettings.Of(Assert.Single(Snapshot.OfType(ResourceTypes.Site))).Values;

    /// <summary>The names of the queues the deployment creates.</summary>
    public static IReadOnlyList<string> Queues => [.. Snapshot.OfType(ResourceTypes.Queue).Select(q => q.LeafName)];
}
