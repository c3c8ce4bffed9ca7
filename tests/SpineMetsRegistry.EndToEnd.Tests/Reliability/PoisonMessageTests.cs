using System.Text;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Reliability;

/// <summary>
/// Events that can never be processed (a body that is no event, an event about an upload that
/// was never there) end in the poison queue with their reason in the log, on the local host as
/// the command line starts it; a real upload beside them is processed as usual.
/// </summary>
[Collection(ReliabilityCollections.Name)]
[Trait("Category", ReliabilityCollections.Category)]
public sealed class PoisonMessageTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task LocalHost_EventsThatCanNeverBeProcessed_EndInThePoisonQueueWithTheirReasonLogged()
    {
        using var registry = TestRegistry.Create("S01", "S02");
        await using var run = await LocalHostRun.StartAsync(azurite, registry);
        var queue = run.Host.Services.GetRequiredService<IIngestEventQueue>();
        const string malformed = "{\"this is\": \"not an Event Grid event\"";
        var neverUploaded = BlobCreatedEventParser.CreateEventJson(
            "devstoreaccount1", "S01", "never-uploaded.csv", "\"0x8DD000000000000\"", 1234, DateTimeOffset.UtcNow, "poison-test-never-uploaded");
        var otherSite = BlobCreatedEventParser.CreateEventJson(
            "devstoreaccount1", "S77", "a.csv", "\"0x8DD000000000001\"", 10, DateTimeOffset.UtcNow, "poison-test-other-site");
        var batch = SiteBatches.First();

        await queue.SendAsync(malformed);
        await queue.SendAsync(neverUploaded);
        await queue.SendAsync(otherSite);
        await run.UploadAsync(batch);

        var poison = run.Storage.Clients().IngestPoisonQueue;
        var poisoned = await Eventually.GetAsync(
            () => PeekAllAsync(poison), texts => texts?.Count == 3, Timeout, "three messages in the poison queue");
        Assert.Equal(new[] { malformed, neverUploaded, otherSite }.Order(StringComparer.Ordinal), poisoned.Order(StringComparer.Ordinal));

        // The real upload beside them is processed; the ingest queue is empty (nothing left to retry, nothing dropped).
        var entry = await run.WaitForIngestAsync(batch, Timeout);
        Assert.Equal(BatchStatus.Completed, entry.Status);
        Assert.Empty((await PeekAllAsync(run.Storage.Clients().IngestQueue))!);
        Assert.Equal([batch.Key.Value], await BatchKeysAsync(run, "S01"));
        Assert.Empty(await BatchKeysAsync(run, "S02"));

        // Each poisoned message's reason is in the log, as an error.
        var errors = run.Logs.Lines.Where(l => l.Contains(" Error: ", StringComparison.Ordinal) && l.Contains("moved to the poison queue", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Single(errors, l => l.Contains("not an Event Grid schema event", StringComparison.Ordinal));
        Assert.Single(errors, l => l.Contains("incoming/never-uploaded.csv of site S01 does not exist, and no batch of that name was ever received", StringComparison.Ordinal));
        Assert.Single(errors, l => l.Contains("site S77) belongs to no configured site", StringComparison.Ordinal));
    }

    private static async Task<List<string>?> PeekAllAsync(QueueClient queue)
    {
        var messages = await queue.PeekMessagesAsync(maxMessages: 32);
        return [.. messages.Value.Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Body.ToString())))];
    }

    private static async Task<List<string>> BatchKeysAsync(LocalHostRun run, string site)
    {
        var keys = new List<string>();
        await foreach (var entry in run.Ledger.ListAsync(site))
        {
            keys.Add(entry.BatchKey);
        }

        return keys;
    }
}
