namespace SpineMetsRegistry.Hosting;

/// <summary>
/// The Durable Task hub both hosts run the ingest orchestration in. In Azure, host.json names
/// the hub <c>%TaskHubName%</c> and Bicep sets that app setting to <see cref="Name"/>; the local
/// engine uses <see cref="Name"/> directly. Fixed, so renaming the app never orphans instances;
/// the FunctionApp binding tests fail when host.json, Bicep and this constant disagree.
/// </summary>
public static class RegistryTaskHub
{
    /// <summary>The task hub name.</summary>
    public const string Name = "spinemetshub";

    /// <summary>The app setting host.json reads the hub name from.</summary>
    public const string AppSettingName = "TaskHubName";
}
