using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpineMetsRegistry.Hosting;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Storage.Provisioning;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.FollowUp.Tests;

/// <summary>The one registration both hosts use gives the Functions timer and the local job the same sweep.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DependencyInjectionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddSpineMetsRegistry_ResolvesIFollowUpSweep_OneInstanceThatSweeps()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Registry:Storage:TablePrefix"] = StorageNames.Table("di"),
            ["Registry:Storage:ContainerPrefix"] = StorageNames.Container("di") + "-",
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddSpineMetsRegistry(configuration).BuildServiceProvider();
        var sites = provider.GetRequiredService<Domain.Configuration.RegistryConfiguration>().Sites.Select(s => s.Code).ToList();
        await provider.GetRequiredService<RegistryStorageProvisioner>().EnsureCreatedAsync(sites);

        var sweep = provider.GetRequiredService<IFollowUpSweep>();
        var result = await sweep.RunAsync(new DateOnly(2026, 6, 1));

        Assert.Same(sweep, provider.GetRequiredService<IFollowUpSweep>());
        Assert.IsType<FollowUpSweep>(sweep);
        Assert.Equal(SweepMode.WholeSchedule, result.Mode);
        Assert.Equal(sites, result.Digests.Select(d => d.Site));
    }
}
