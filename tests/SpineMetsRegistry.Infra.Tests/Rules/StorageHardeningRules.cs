using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Rules;

/// <summary>
/// Every storage account: shared keys off, TLS 1.2 minimum, no public blob access, HTTPS only;
/// blob versioning with blob and container soft delete; StorageRead/Write/Delete logs of the blob,
/// queue and table services sent to Log Analytics.
/// </summary>
public static class StorageHardeningRules
{
    private static readonly string[] AuditCategories = ["StorageRead", "StorageWrite", "StorageDelete"];

    public static IReadOnlyList<RuleViolation> Check(DeploymentSnapshot snapshot)
    {
        var violations = new List<RuleViolation>();
        var accounts = snapshot.OfType(ResourceTypes.StorageAccount);
        if (accounts.Count == 0)
        {
            violations.Add(new("StorageAccountsExist", "deployment", "no storage account in the snapshot"));
        }

        foreach (var account in accounts)
        {
            violations.AddRange(CheckAccount(account));
            violations.AddRange(CheckBlobService(snapshot, account));
            violations.AddRange(CheckAuditLogs(snapshot, account));
        }

        return violations;
    }

    private static IEnumerable<RuleViolation> CheckAccount(PredictedResource account)
    {
        if (account.Value("properties.allowSharedKeyAccess") is not false)
        {
            yield return new("SharedKeyAccessDisabled", account.Name, $"allowSharedKeyAccess is {account.Node("properties.allowSharedKeyAccess")?.ToJsonString() ?? "unset"}");
        }

        if (account.Value("properties.minimumTlsVersion") as string != "TLS1_2")
        {
            yield return new("MinimumTls12", account.Name, $"minimumTlsVersion is {account.Value("properties.minimumTlsVersion") ?? "unset"}");
        }

        if (account.Value("properties.allowBlobPublicAccess") is not false)
        {
            yield return new("NoPublicBlobAccess", account.Name, "allowBlobPublicAccess is not false");
        }

        if (account.Value("properties.supportsHttpsTrafficOnly") is not true)
        {
            yield return new("HttpsOnly", account.Name, "supportsHttpsTrafficOnly is not true");
        }
    }

    private static IEnumerable<RuleViolation> CheckBlobService(DeploymentSnapshot snapshot, PredictedResource account)
    {
        var blobService = snapshot.FindById($"{account.Id}/blobServices/default");
        if (blobService is null)
        {
            yield return new("BlobServiceConfigured", account.Name, "no blobServices/default resource");
            yield break;
        }

        if (blobService.Value("properties.isVersioningEnabled") is not true)
        {
            yield return new("BlobVersioning", account.Name, "isVersioningEnabled is not true");
        }

        if (blobService.Value("properties.deleteRetentionPolicy.enabled") is not true)
        {
            yield return new("BlobSoftDelete", account.Name, "deleteRetentionPolicy is not enabled");
        }

        if (blobService.Value("properties.containerDeleteRetentionPolicy.enabled") is not true)
        {
            yield return new("ContainerSoftDelete", account.Name, "containerDeleteRetentionPolicy is not enabled");
        }
    }

    private static IEnumerable<RuleViolation> CheckAuditLogs(DeploymentSnapshot snapshot, PredictedResource account)
    {
        foreach (var service in new[] { "blobServices", "queueServices", "tableServices" })
        {
            var prefix = $"{account.Id}/{service}/default/providers/{ResourceTypes.DiagnosticSetting}/";
            var settings = snapshot.OfType(ResourceTypes.DiagnosticSetting)
                .Where(setting => setting.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var audited = settings.Any(setting =>
                setting.Value("properties.workspaceId") is string { Length: > 0 }
                && AuditCategories.All(category => EnabledCategories(setting).Contains(category)));
            if (!audited)
            {
                yield return new("StorageAuditLogs", $"{account.Name}/{service}", "no diagnostic setting sends StorageRead, StorageWrite and StorageDelete to a workspace");
            }
        }
    }

    private static HashSet<string> EnabledCategories(PredictedResource setting) =>
        ((setting.Value("properties.logs") as List<object?>) ?? [])
            .OfType<Dictionary<string, object?>>()
            .Where(log => log.GetValueOrDefault("enabled") is true)
            .Select(log => log.GetValueOrDefault("category") as string ?? string.Empty)
            .ToHashSet(StringComparer.Ordinal);
}
