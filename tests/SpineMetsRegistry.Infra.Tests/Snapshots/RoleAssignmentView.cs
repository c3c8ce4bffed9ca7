using SpineMetsRegistry.Infra.Tests.Arm;

namespace SpineMetsRegistry.Infra.Tests.Snapshots;

/// <summary>A predicted role assignment: who, which role, at which scope, under which condition.</summary>
public sealed record RoleAssignmentView(
    string Id,
    string Scope,
    string RoleDefinitionGuid,
    object? PrincipalId,
    string? PrincipalType,
    string? Condition,
    string? ConditionVersion)
{
    private const string Marker = "/providers/Microsoft.Authorization/roleAssignments/";

    public static RoleAssignmentView From(PredictedResource resource)
    {
        var markerAt = resource.Id.LastIndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        var roleDefinitionId = ArmExpressionEvaluator.ToText(resource.Value("properties.roleDefinitionId"));
        return new RoleAssignmentView(
            resource.Id,
            markerAt <= 0 ? "/" : resource.Id[..markerAt],
            roleDefinitionId[(roleDefinitionId.LastIndexOf('/') + 1)..],
            resource.Value("properties.principalId"),
            resource.Value("properties.principalType") as string,
            resource.Value("properties.condition") as string,
            resource.Value("properties.conditionVersion") as string);
    }

    public bool IsFor(string principalObjectId) =>
        PrincipalId is string id && string.Equals(id, principalObjectId, StringComparison.OrdinalIgnoreCase);

    public bool IsForRuntimePrincipal(string resourceId, params string[] path) =>
        PrincipalId is RuntimeReference reference && reference.PointsAt(resourceId, path);

    public override string ToString() => $"{RoleDefinitionGuid} for {PrincipalId} at {Scope}";
}
