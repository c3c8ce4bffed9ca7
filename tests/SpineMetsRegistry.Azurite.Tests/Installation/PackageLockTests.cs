using System.Text.Json;
using SpineMetsRegistry.Azurite.Locations;

namespace SpineMetsRegistry.Azurite.Tests.Installation;

/// <summary>The repository's npm project pins exactly the Azurite the launcher expects, from the npm registry only.</summary>
public sealed class PackageLockTests
{
    private const string Registry = "https://registry.npmjs.org/";

    private static JsonElement Read(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find()!, fileName)));
        return document.RootElement.Clone();
    }

    [Fact]
    public void PackageJson_Azurite_IsPinnedExactlyToThePinnedVersion()
    {
        Assert.Equal(AzuritePackage.PinnedVersion, Read("package.json").GetProperty("dependencies").GetProperty(AzuritePackage.Name).GetString());
    }

    [Fact]
    public void PackageLock_Azurite_IsThePinnedVersion()
    {
        var packages = Read("package-lock.json").GetProperty("packages");

        Assert.Equal(AzuritePackage.PinnedVersion, packages.GetProperty("node_modules/azurite").GetProperty("version").GetString());
        Assert.Equal(AzuritePackage.PinnedVersion, packages.GetProperty(string.Empty).GetProperty("dependencies").GetProperty(AzuritePackage.Name).GetString());
    }

    [Fact]
    public void PackageLock_EveryPackage_HasAnIntegrityHashAndNoAddressOutsideTheNpmRegistry()
    {
        var packages = Read("package-lock.json").GetProperty("packages").EnumerateObject().Where(p => p.Name.Length > 0).ToList();

        Assert.NotEmpty(packages);
        Assert.All(packages, package =>
        {
            Assert.True(package.Value.TryGetProperty("integrity", out _), $"{package.Name} has no integrity hash");
            if (package.Value.TryGetProperty("resolved", out var resolved))
            {
                Assert.StartsWith(Registry, resolved.GetString(), StringComparison.Ordinal);
            }
        });
    }
}
