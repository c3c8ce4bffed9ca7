namespace SpineMetsRegistry.Pipeline.Workflows.Durable;

/// <summary>
/// The Durable Task hub's name: one constant for both hosts. The Functions app reads it from
/// the <see cref="AppSetting"/> app setting (host.json <c>hubName</c> is
/// <c>%TaskHubName%</c>; Bicep sets it to <see cref="Default"/>); the local host uses
/// <see cref="Default"/>, prefixed like the tables when several registries share a storage
/// account (tests), so each registry has a hub of its own.
/// </summary>
public static class TaskHubNames
{
    /// <summary>The hub of a registry with no storage prefix.</summary>
    public const string Default = "spinemetshub";

    /// <summary>The Functions app setting host.json takes the hub name from.</summary>
    public const string AppSetting = "TaskHubName";

    /// <summary>The hub for a registry whose tables carry <paramref name="tablePrefix"/> (letters and digits; at most 30).</summary>
    public static string For(string? tablePrefix) => string.IsNullOrEmpty(tablePrefix) ? Default : tablePrefix + Default;
}
