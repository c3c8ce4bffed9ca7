using System.Text;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Ingest;

/// <summary>
/// A column the registry does not know (issue 16): its cells are scanned loosely; a
/// keyword-announced ISO date of birth in it quarantines the batch, and a batch held for the
/// unknown column alone never reaches the immutable raw area.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class UnknownColumnTests(AzuriteFixture azurite)
{
    private const string Column = "admin_notes";

    [Fact]
    public async Task LocalHost_DateOfBirthInUnknownColumn_QuarantinedAndOnlyInQuarantine()
    {
        const string Planted = "DOB: 1951-03-12";
        using var registry = TestRegistry.Create("S01", "S02");
        await using var run = await LocalHostRun.StartAsync(azurite, registry);
        var batch = WithUnknownColumn(SiteBatches.First(), Planted);

        await run.UploadAsync(batch);
        var entry = await run.WaitForIngestAsync(batch, TimeSpan.FromSeconds(90));

        Assert.Equal((BatchStatus.Completed, (BatchDecision?)BatchDecision.Quarantined), (entry.Status, entry.Decision));
        Assert.Equal(1, entry.Validation!.IdentifierFindings);
        var snapshot = await StorageSnapshot.ReadAsync(run.Storage);
        var content = BatchBlobNames.Content(batch.Site, batch.Sha256);
        Assert.Equal([content], snapshot.BlobNames("quarantine"));
        Assert.Empty(snapshot.BlobNames("raw"));
        Assert.Empty(snapshot.BlobNames("intake"));
        Assert.Equal(["blob quarantine | " + content], snapshot.Occurrences("1951-03-12"));
        Assert.DoesNotContain(run.Logs.Lines, line => line.Contains("1951-03-12", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LocalHost_BatchHeldForUnknownColumn_BytesNeverReachRawAndNothingIsStored()
    {
        using var registry = TestRegistry.Create("S01", "S02");
        await using var run = await LocalHostRun.StartAsync(azurite, registry);
        var batch = WithUnknownColumn(SiteBatches.First(), "checked by data manager");

        await run.UploadAsync(batch);
        var entry = await run.WaitForIngestAsync(batch, TimeSpan.FromSeconds(90));

        Assert.Equal((BatchStatus.Completed, (BatchDecision?)BatchDecision.Held), (entry.Status, entry.Decision));
        Assert.Equal((0, 0), (entry.Validation!.Accepted, entry.Validation.IdentifierFindings));
        Assert.Contains(BatchStatus.NotStored, (await run.Ledger.HistoryAsync(batch.Site, batch.Key.Value)).Select(h => h.Status));
        var snapshot = await StorageSnapshot.ReadAsync(run.Storage);
        Assert.Empty(snapshot.BlobNames("raw"));
        Assert.Empty(snapshot.BlobNames("intake"));
        Assert.Empty(snapshot.BlobNames("quarantine"));
        Assert.Empty(snapshot.BlobNames("staging"));
        Assert.Empty(snapshot.Occurrences("checked by data manager"));
    }

    /// <summary>The batch with one more column, filled in its first record only.</summary>
    private static Batch WithUnknownColumn(Batch batch, string firstValue)
    {
        var lines = Encoding.UTF8.GetString(batch.Bytes).Split('\n');
        var text = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            text.Append(line).Append(',').Append(i switch { 0 => Column, 1 => firstValue, _ => string.Empty }).Append("\r\n");
        }

        return batch with { Bytes = Encoding.UTF8.GetBytes(text.ToString()) };
    }
}
