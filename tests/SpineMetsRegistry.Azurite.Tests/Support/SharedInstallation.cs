using SpineMetsRegistry.Azurite.Installation;

namespace SpineMetsRegistry.Azurite.Tests.Support;

/// <summary>The checkout's install (its node_modules, filled by npm ci), for tests that start their own servers.</summary>
internal static class SharedInstallation
{
    public static Task<AzuriteInstallation> GetAsync() => new AzuriteInstaller().EnsureInstalledAsync();
}
