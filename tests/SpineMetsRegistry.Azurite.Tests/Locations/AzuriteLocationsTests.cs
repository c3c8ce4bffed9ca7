using SpineMetsRegistry.Azurite.Locations;
using SpineMetsRegistry.Azurite.Tests.Support;

namespace SpineMetsRegistry.Azurite.Tests.Locations;

public sealed class AzuriteLocationsTests
{
    [Fact]
    public void DataDirectory_InsideACheckout_IsLocalAzuriteDataUnderIt()
    {
        Assert.Equal(Path.Combine(RepositoryRoot.Find()!, ".local", "azurite-data"), AzuriteLocations.DataDirectory());
    }

    [Fact]
    public void Find_FromTheTestBinaries_ReturnsTheFolderHoldingTheSolution()
    {
        var root = RepositoryRoot.Find();

        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, RepositoryRoot.MarkerFileName)));
        Assert.StartsWith(root, AppContext.BaseDirectory);
    }

    [Fact]
    public void FindFrom_NestedFolder_ReturnsTheNearestAncestorWithTheMarker()
    {
        using var outer = new TemporaryDirectory();
        var inner = outer.Combine("checkout");
        var nested = Path.Combine(inner, "tests", "bin", "Debug");
        Directory.CreateDirectory(nested);
        File.WriteAllText(outer.Combine(RepositoryRoot.MarkerFileName), string.Empty);
        File.WriteAllText(Path.Combine(inner, RepositoryRoot.MarkerFileName), string.Empty);

        Assert.Equal(inner, RepositoryRoot.FindFrom(nested));
    }

    [Fact]
    public void FindFrom_NoMarkerAnywhereAbove_ReturnsNull()
    {
        using var outside = new TemporaryDirectory();

        Assert.Null(RepositoryRoot.FindFrom(outside.Path));
    }
}
