using Microsoft.Extensions.DependencyInjection;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.LocalHost.Demo;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Testing.Azurite;
using Xunit.Abstractions;

namespace SpineMetsRegistry.EndToEnd.Tests.Demo;

/// <summary>The README's demo path: synthetic batches for five sites, uploaded into the running local host.</summary>
[Collection(EndToEndCollections.Demo)]
public sealed class DemoTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Demo_FiveSitesUploadIntoTheLocalHost_EveryBatchIsCompletedAndThePoolAddsUpTheSites()
    {
        using var registry = TestRegistry.Create("S01", "S02", "S03", "S04", "S05");
        await using var run = await LocalHostRun.StartAsync(azurite, registry);

        var batches = await run.Host.Services.GetRequiredService<DemoRunner>().RunAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(registry.Sites, batches.Select(b => b.Site));
        foreach (var batch in batches)
        {
            output.WriteLine($"{batch.Site} {batch.FileName}: {batch.Entry?.Status} {batch.Entry?.Decision} {batch.Entry?.Validation} {batch.Entry?.Stored}");
            Assert.Equal(BatchStatus.Completed, batch.Entry?.Status);
            Assert.Contains(batch.Entry!.Decision, new BatchDecision?[] { BatchDecision.Accepted, BatchDecision.PartiallyAccepted });
            Assert.Equal(batch.Entry.Validation!.Accepted, batch.Entry.Stored!.Inserted);
            Assert.True(batch.Entry.Validation.Accepted > 0);
        }

        // One site's export carries deliberate data-entry errors: reported and left out, the rest stored.
        Assert.Contains(batches, b => b.Entry!.Decision == BatchDecision.PartiallyAccepted && b.Entry.Validation!.Rejected > 0);

        // The pooled enrollment count is the sum of the sites' stored enrollments.
        var records = run.Host.Services.GetRequiredService<IRecordStore>();
        var enrolled = 0;
        foreach (var site in registry.Sites)
        {
            await foreach (var record in records.ReadSiteAsync(site))
            {
                enrolled += record.RecordKey == "enrollment" ? 1 : 0;
            }
        }

        var pooled = await run.Host.Services.GetRequiredService<IAggregateStore>().ReadAsync(AggregateScopes.Pooled, "enrollment.total");
        Assert.NotNull(pooled);
        Assert.Equal(enrolled, Assert.Single(AggregateJson.Deserialize(pooled.Json).Counts).Count);
    }
}
