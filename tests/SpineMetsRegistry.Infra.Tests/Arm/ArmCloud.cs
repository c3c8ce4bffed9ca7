namespace SpineMetsRegistry.Infra.Tests.Arm;

/// <summary>
/// The part of ARM's environment() the templates read. A snapshot cannot know the target cloud,
/// so it leaves environment() unevaluated; the tests evaluate it as Azure public cloud.
/// </summary>
public static class ArmCloud
{
    public const string StorageSuffix = "core.windows.net";

    public const string LoginEndpoint = "https://login.microsoftonline.com/";

    public static Dictionary<string, object?> Environment() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = "AzureCloud",
        ["suffixes"] = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["storage"] = StorageSuffix },
        ["authentication"] = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["loginEndpoint"] = LoginEndpoint },
    };
}
