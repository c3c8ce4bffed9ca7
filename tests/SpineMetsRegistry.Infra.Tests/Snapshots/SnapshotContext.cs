namespace SpineMetsRegistry.Infra.Tests.Snapshots;

/// <summary>The deployment context every snapshot is evaluated in.</summary>
public static class SnapshotContext
{
    public const string SubscriptionId = "0b1d5e1e-5eed-4c0d-8000-000000000001";
    public const string ResourceGroup = "rg-spinemets-tests";
    public const string Location = "westeurope";
    public const string TenantId = "7e4a7e4a-0000-4000-8000-000000000007";

    public static string ResourceGroupId => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}";
}
