namespace SpineMetsRegistry.Infra.Tests.Abac;

/// <summary>
/// Azure's decision for one request under one role assignment: the role must grant the data
/// action, and the condition (when present) must evaluate to true.
/// </summary>
public static class AccessCheck
{
    public static bool IsAllowed(BlobDataRole role, AbacExpression? condition, BlobRequest request) =>
        role.Grants(request.Action) && (condition is null || condition.Evaluate(request));
}
