namespace SpineMetsRegistry.Infra.Tests.Snapshots;

/// <summary>The resource types the rules inspect.</summary>
public static class ResourceTypes
{
    public const string StorageAccount = "Microsoft.Storage/storageAccounts";
    public const string BlobService = "Microsoft.Storage/storageAccounts/blobServices";
    public const string Container = "Microsoft.Storage/storageAccounts/blobServices/containers";
    public const string ImmutabilityPolicy = "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies";
    public const string Queue = "Microsoft.Storage/storageAccounts/queueServices/queues";
    public const string Table = "Microsoft.Storage/storageAccounts/tableServices/tables";
    public const string DiagnosticSetting = "Microsoft.Insights/diagnosticSettings";
    public const string RoleAssignment = "Microsoft.Authorization/roleAssignments";
    public const string SystemTopic = "Microsoft.EventGrid/systemTopics";
    public const string EventSubscription = "Microsoft.EventGrid/systemTopics/eventSubscriptions";
    public const string Site = "Microsoft.Web/sites";
    public const string Plan = "Microsoft.Web/serverfarms";
    public const string SiteConfig = "Microsoft.Web/sites/config";
    public const string PublishingCredentialsPolicy = "Microsoft.Web/sites/basicPublishingCredentialsPolicies";
    public const string UserAssignedIdentity = "Microsoft.ManagedIdentity/userAssignedIdentities";
    public const string ApplicationInsights = "Microsoft.Insights/components";
    public const string PrivateEndpoint = "Microsoft.Network/privateEndpoints";
}
