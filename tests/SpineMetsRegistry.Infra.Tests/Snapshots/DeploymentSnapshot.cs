using System.Text.Json.Nodes;
using SpineMetsRegistry.Infra.Tests.Arm;

namespace SpineMetsRegistry.Infra.Tests.Snapshots;

/// <summary>
/// The output of <c>bicep snapshot</c>: every resource the deployment would create, with loops,
/// modules and parameters already expanded, plus the template outputs.
/// </summary>
public sealed class DeploymentSnapshot
{
    private DeploymentSnapshot(IReadOnlyList<PredictedResource> resources, JsonObject outputs)
    {
        Resources = resources;
        Outputs = outputs;
        RoleAssignments = resources
            .Where(resource => resource.Type.Equals(ResourceTypes.RoleAssignment, StringComparison.OrdinalIgnoreCase))
            .Select(RoleAssignmentView.From)
            .ToList();
    }

    public IReadOnlyList<PredictedResource> Resources { get; }

    public JsonObject Outputs { get; }

    public IReadOnlyList<RoleAssignmentView> RoleAssignments { get; }

    public static DeploymentSnapshot Parse(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("The snapshot is not a JSON object.");
        var resources = root["predictedResources"]?.AsArray()
            .Select(node => PredictedResource.From(node!.AsObject()))
            .ToList() ?? throw new FormatException("The snapshot has no predictedResources.");
        return new DeploymentSnapshot(resources, root["outputs"]?.AsObject() ?? []);
    }

    public IReadOnlyList<PredictedResource> OfType(string type) =>
        Resources.Where(resource => resource.Type.Equals(type, StringComparison.OrdinalIgnoreCase)).ToList();

    public PredictedResource? FindById(string id) =>
        Resources.FirstOrDefault(resource => resource.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

    public object? Output(string name) =>
        Outputs.TryGetPropertyValue(name, out var node) ? ArmExpressionEvaluator.Evaluate(node) : throw new KeyNotFoundException($"No output '{name}'.");
}
