using SpineMetsRegistry.Storage.Tables;
using SpineMetsRegistry.Testing.Azurite;
using Xunit.Abstractions;

namespace SpineMetsRegistry.EndToEnd.Tests.Reliability;

/// <summary>
/// The privacy scan (issue 16): after the hostile run, with identifiers of the de-identification
/// corpus planted into quarantined, held and refused batches, not one of them appears in anything
/// the run produced (every log line, every API answer, every table entity and blob in Azurite,
/// the Durable engine's History and Instances tables and its large-message blobs included, the
/// ingest queues) except the quarantined bytes, which no site or committee member can read.
/// And the API refused every wrong credential, auditing each refusal without the credential.
/// </summary>
[Collection(EndToEndCollections.Hostile)]
[Trait("Category", "Reliability")]
public sealed class PrivacyScanTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public void PlantedIdentifiers_AreCellsOfTheDeidentificationCorpus()
    {
        Assert.Empty(PlantedIdentifiers.NotInCorpus());
        Assert.All(PlantedIdentifiers.All, p => Assert.Contains(p.Needle, p.Cell, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HostileRun_EverythingItProduced_HoldsNoPlantedIdentifierOutsideQuarantine()
    {
        var run = await HostileRun.GetAsync(azurite);
        var snapshot = run.Final;

        // The scan must be able to see them: the planted batches' bytes are in quarantine or were let go.
        Assert.Contains(snapshot.Blobs, b => b.Key.StartsWith("quarantine | ", StringComparison.Ordinal));
        Assert.Contains(snapshot.EngineRows.Keys, k => k.Contains("History", StringComparison.Ordinal));
        Assert.Contains(snapshot.EngineRows.Keys, k => k.Contains("Instances", StringComparison.Ordinal));
        Assert.NotEmpty(run.LogLines);
        Assert.Contains(snapshot.Blobs.Keys, k => k.Contains("| reminders/", StringComparison.Ordinal));

        // The scan finds what is there: every planted identifier is in the quarantined bytes.
        Assert.All(PlantedIdentifiers.All, p => Assert.Contains(snapshot.Occurrences(p.Needle), place => place.StartsWith("blob quarantine | ", StringComparison.Ordinal)));

        var found = new List<string>();
        foreach (var (_, needle) in PlantedIdentifiers.All)
        {
            found.AddRange(snapshot.Occurrences(needle).Where(place => !place.StartsWith("blob quarantine | ", StringComparison.Ordinal)).Select(place => $"{needle} in {place}"));
            found.AddRange(run.LogLines.Where(line => Has(line, needle)).Select(line => $"{needle} in log line {Shorten(line)}"));
            found.AddRange(run.Answers.Where(a => Has(a.Body, needle)).Select(a => $"{needle} in the answer to {a.Request}"));
            found.AddRange(run.QueueMessages.Where(m => Has(m, needle)).Select(_ => $"{needle} in a queue message"));
        }

        var artefacts = snapshot.Rows.Count + snapshot.Blobs.Count + snapshot.EngineRows.Count + snapshot.EngineBlobs.Count;
        output.WriteLine(
            $"Scanned {PlantedIdentifiers.All.Count} planted identifiers in {artefacts} storage artefacts ({snapshot.Rows.Count} rows, {snapshot.Blobs.Count} blobs, " +
            $"{snapshot.EngineRows.Count} engine rows, {snapshot.EngineBlobs.Count} engine blobs), {run.LogLines.Count} log lines, {run.Answers.Count} API answers, {run.QueueMessages.Count} queue messages; found {found.Count}");
        Assert.True(found.Count == 0, string.Join('\n', found.Take(30)));
    }

    [Fact]
    public async Task HostileRun_WrongCredentials_RefusedAndEachRefusalAuditedWithoutTheCredential()
    {
        var run = await HostileRun.GetAsync(azurite);

        Assert.Equal(
            [("missing", 401), ("malformed", 401), ("forged", 401), ("other site", 403)],
            run.Refusals.Select(r => (r.Kind, r.Status)));
        var refusals = run.Final.Table(RegistryTables.Audit).Values.Where(v => v.Contains("access.refused", StringComparison.Ordinal)).ToList();
        foreach (var reason in new[] { "401 no_credential", "401 malformed_credential", "401 unrecognised_credential", "403 roles_not_allowed" })
        {
            Assert.Single(refusals, r => r.Contains(reason, StringComparison.Ordinal) && r.Contains("ListBatches site S01", StringComparison.Ordinal));
        }

        Assert.Single(refusals, r => r.Contains("site:S02:local-s02", StringComparison.Ordinal));
        foreach (var presented in run.Refusals.Select(r => r.Presented).OfType<string>())
        {
            Assert.Empty(run.Final.Occurrences(presented));
            Assert.DoesNotContain(run.LogLines, line => line.Contains(presented, StringComparison.Ordinal));
        }
    }

    private static bool Has(string text, string needle) => text.Contains(needle, StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string line) => line.Length <= 200 ? line : line[..200] + "...";
}
