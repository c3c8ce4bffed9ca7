using SpineMetsRegistry.Infra.Tests.Arm;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Rules;

/// <summary>
/// Flex Consumption, .NET 10 isolated, the user-assigned identity for the app and its deployment
/// package, HTTPS only, basic publishing credentials off, and App Service Authentication with
/// Entra ID that answers 401 to anonymous calls.
/// </summary>
public static class FunctionAppHostingRules
{
    public static IReadOnlyList<RuleViolation> Check(DeploymentSnapshot snapshot, string expectedClientId, string expectedTenantId)
    {
        var apps = snapshot.OfType(ResourceTypes.Site);
        var topology = InfraTopology.Of(snapshot);
        if (apps.Count != 1 || topology.AppIdentityId is null || topology.CentralAccountId is null)
        {
            return [new("OneFunctionApp", "deployment", "expected one app, one identity and a central account")];
        }

        var app = apps[0];
        var violations = new List<RuleViolation>();
        void Expect(string rule, object? actual, object expected, string what)
        {
            if (!Equals(actual, expected))
            {
                violations.Add(new(rule, what, $"is {actual ?? "unset"}, expected {expected}"));
            }
        }

        Expect("FlexConsumptionPlan", Plan(snapshot, app)?.Value("sku.name"), "FC1", "plan sku");
        Expect("FlexConsumptionPlan", Plan(snapshot, app)?.Value("sku.tier"), "FlexConsumption", "plan tier");
        Expect("DotNet10Isolated", app.Value("properties.functionAppConfig.runtime.name"), "dotnet-isolated", "runtime name");
        Expect("DotNet10Isolated", app.Value("properties.functionAppConfig.runtime.version"), "10.0", "runtime version");
        Expect("HttpsOnly", app.Value("properties.httpsOnly"), true, "httpsOnly");
        Expect("ManagedIdentity", app.Value("identity.type"), "UserAssigned", "identity type");
        if (app.Node("identity.userAssignedIdentities")?.AsObject().ContainsKey(topology.AppIdentityId) != true)
        {
            violations.Add(new("ManagedIdentity", "identity", "the app does not run as the registry identity"));
        }

        var package = $"{app.Value("properties.functionAppConfig.deployment.storage.value")}";
        var packagePrefix = $"https://{InfraTopology.AccountNameOf(topology.CentralAccountId)}.blob.{ArmCloud.StorageSuffix}/";
        if (!package.StartsWith(packagePrefix, StringComparison.Ordinal)
            || snapshot.FindById($"{topology.CentralAccountId}/blobServices/default/containers/{package[packagePrefix.Length..]}") is null)
        {
            violations.Add(new("DeploymentStorageWithIdentity", "package container", $"{package} is not a container of the central account"));
        }

        Expect("DeploymentStorageWithIdentity", app.Value("properties.functionAppConfig.deployment.storage.authentication.type"), "UserAssignedIdentity", "package authentication");
        Expect("DeploymentStorageWithIdentity", app.Value("properties.functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId"), topology.AppIdentityId, "package identity");

        foreach (var policy in new[] { "ftp", "scm" })
        {
            var resource = snapshot.FindById($"{app.Id}/basicPublishingCredentialsPolicies/{policy}");
            Expect("NoBasicPublishingCredentials", resource?.Value("properties.allow"), false, policy);
        }

        var auth = snapshot.FindById($"{app.Id}/config/authsettingsV2");
        Expect("ApiAuthentication", auth?.Value("properties.platform.enabled"), true, "platform.enabled");
        Expect("ApiAuthentication", auth?.Value("properties.globalValidation.requireAuthentication"), true, "requireAuthentication");
        Expect("ApiAuthentication", auth?.Value("properties.globalValidation.unauthenticatedClientAction"), "Return401", "unauthenticatedClientAction");
        Expect("ApiAuthentication", auth?.Value("properties.identityProviders.azureActiveDirectory.enabled"), true, "Entra ID provider");
        Expect("ApiAuthentication", auth?.Value("properties.identityProviders.azureActiveDirectory.registration.clientId"), expectedClientId, "client ID");
        Expect("ApiAuthentication", auth?.Value("properties.identityProviders.azureActiveDirectory.registration.openIdIssuer"), $"{ArmCloud.LoginEndpoint}{expectedTenantId}/v2.0", "issuer");
        var audiences = auth?.Value("properties.identityProviders.azureActiveDirectory.validation.allowedAudiences") as List<object?> ?? [];
        if (!audiences.Contains($"api://{expectedClientId}"))
        {
            violations.Add(new("ApiAuthentication", "allowedAudiences", $"api://{expectedClientId} is not accepted"));
        }

        return violations;
    }

    private static PredictedResource? Plan(DeploymentSnapshot snapshot, PredictedResource app) =>
        app.Value("properties.serverFarmId") is string planId ? snapshot.FindById(planId) : null;
}
