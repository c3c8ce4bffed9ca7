using SpineMetsRegistry.Azurite.Installation;

namespace SpineMetsRegistry.Azurite.Tests.Support;

/// <summary>The default install (under the checkout's .local/azurite), for tests that start their own servers.</summary>
internal static class SharedInstallation
{
    public static Task<AzuriteInstallation> GetAsync() => new AzuriteInstaller().EnsureInstalledAsync();
}
