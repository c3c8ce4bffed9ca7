using SpineMetsRegistry.Pipeline.Workflows.Durable;
using SpineMetsRegistry.Infra.Tests.Arm;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Rules;

/// <summary>
/// The function app's settings hold no secret (no account key, SAS, list* call, connection string
/// with a key, password or client secret), none of the settings Flex Consumption deprecates, and
/// exactly the identity-based contract the application reads.
/// </summary>
public static class FunctionAppSettingsRules
{
    private static readonly string[] SecretMarkers =
    [
        "AccountKey=", "SharedAccessSignature", "sig=", "listKeys(", "listAccountSas(", "listServiceSas(",
        "DefaultEndpointsProtocol=", "ClientSecret", "Password", "AccessKey", "SharedAccessKey",
    ];

    private static readonly string[] ForbiddenSettings =
    [
        "AzureWebJobsStorage", "AzureWebJobsDashboard", "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION",
        "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
    ];

    public static IReadOnlyList<RuleViolation> Check(DeploymentSnapshot snapshot, IReadOnlyList<RegistrySite> sites, string landingMode)
    {
        var apps = snapshot.OfType(ResourceTypes.Site);
        if (apps.Count != 1)
        {
            return [new("OneFunctionApp", "deployment", $"found {apps.Count}")];
        }

        var settings = FunctionAppSettings.Of(apps[0]);
        var violations = new List<RuleViolation>();
        violations.AddRange(CheckNoSecrets(settings));
        violations.AddRange(ForbiddenSettings.Where(settings.RawText.ContainsKey).Select(name => new RuleViolation("NoDeprecatedOrSecretSetting", name, "must not be set")));
        violations.AddRange(CheckContract(snapshot, settings, sites, landingMode));
        return violations;
    }

    private static IEnumerable<RuleViolation> CheckNoSecrets(FunctionAppSettings settings)
    {
        foreach (var (name, raw) in settings.RawText)
        {
            var evaluated = settings.Values[name] is string text ? text : string.Empty;
            var marker = SecretMarkers.FirstOrDefault(m => raw.Contains(m, StringComparison.OrdinalIgnoreCase) || evaluated.Contains(m, StringComparison.OrdinalIgnoreCase));
            if (marker is not null)
            {
                yield return new("NoSecretsInAppSettings", name, $"contains '{marker}'");
            }
        }
    }

    private static IEnumerable<RuleViolation> CheckContract(DeploymentSnapshot snapshot, FunctionAppSettings settings, IReadOnlyList<RegistrySite> sites, string landingMode)
    {
        var topology = InfraTopology.Of(snapshot);
        if (topology.CentralAccountId is null || topology.AppIdentityId is null)
        {
            yield return new("SettingsContract", "deployment", "central account or app identity missing");
            yield break;
        }

        var central = InfraTopology.AccountNameOf(topology.CentralAccountId);
        var clientId = new RuntimeReference(topology.AppIdentityId, ["clientId"]);
        var insights = snapshot.OfType(ResourceTypes.ApplicationInsights).Select(c => c.Id).FirstOrDefault() ?? "(none)";
        var expected = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage__blobServiceUri"] = Endpoint(central, "blob"),
            ["AzureWebJobsStorage__queueServiceUri"] = Endpoint(central, "queue"),
            ["AzureWebJobsStorage__tableServiceUri"] = Endpoint(central, "table"),
            ["AzureWebJobsStorage__credential"] = "managedidentity",
            ["AzureWebJobsStorage__clientId"] = clientId,
            ["Registry__Storage__CentralBlobServiceUri"] = Endpoint(central, "blob"),
            ["Registry__Storage__CentralQueueServiceUri"] = Endpoint(central, "queue"),
            ["Registry__Storage__CentralTableServiceUri"] = Endpoint(central, "table"),
            ["Registry__Storage__ManagedIdentityClientId"] = clientId,
            ["Registry__Storage__LandingMode"] = landingMode,
            ["TaskHubName"] = TaskHubNames.Default,
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = new RuntimeReference(insights, ["ConnectionString"]),
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = $"ClientId={clientId};Authorization=AAD",
        };
        if (landingMode == "container")
        {
            var landing = topology.LandingAccountIds.Count > 0 ? topology.LandingAccountIds[0] : "(none)";
            expected["Registry__Storage__LandingBlobServiceUri"] = Endpoint(InfraTopology.AccountNameOf(landing), "blob");
        }
        else
        {
            foreach (var site in sites)
            {
                var container = topology.SiteContainers.FirstOrDefault(c => c.LeafName == site.ContainerName);
                var account = container is null ? "(no container)" : InfraTopology.AccountNameOf(InfraTopology.AccountIdOf(container.Id));
                expected[$"Registry__Storage__SiteLandingBlobServiceUris__{site.Code}"] = Endpoint(account, "blob");
            }
        }

        foreach (var (name, value) in expected)
        {
            if (!settings.Values.TryGetValue(name, out var actual))
            {
                yield return new("SettingsContract", name, "missing");
            }
            else if (!Equals(actual, value))
            {
                yield return new("SettingsContract", name, $"is {actual ?? settings.RawText[name]}, expected {value}");
            }
        }

        foreach (var name in settings.Values.Keys.Where(n => n.StartsWith("Registry__Storage__", StringComparison.OrdinalIgnoreCase) && !expected.ContainsKey(n)))
        {
            yield return new("SettingsContract", name, $"not part of the {landingMode}-mode contract");
        }
    }

    private static string Endpoint(string account, string service) => $"https://{account}.{service}.{ArmCloud.StorageSuffix}/";
}
