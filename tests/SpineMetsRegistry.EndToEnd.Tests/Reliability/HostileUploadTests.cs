using System.Text.Json;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Storage.Tables;
using SpineMetsRegistry.Testing.Azurite;
using Xunit.Abstractions;

namespace SpineMetsRegistry.EndToEnd.Tests.Reliability;

/// <summary>
/// Hostile input through the whole pipeline (issue 16): every file of the hostile corpus and
/// every hostile blob name uploaded to a registry that already holds accepted data gets its
/// specific error, and a canonical dump of everything else is the same before and after.
/// </summary>
[Collection(EndToEndCollections.Hostile)]
[Trait("Category", "Reliability")]
public sealed class HostileUploadTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task HostileUploads_EachFile_EarnsItsSpecificCodeAndStoresNothing()
    {
        var run = await HostileRun.GetAsync(azurite);
        output.WriteLine($"{HostileUploads.All.Count} hostile uploads ({HostileUploads.Files.Count} files, {HostileUploads.Names.Count} names, {HostileUploads.Planted.Count} with planted identifiers); the run took {run.Duration.TotalSeconds:F0} s");

        Assert.All(run.Accepted, entry => Assert.Equal((BatchStatus.Completed, BatchDecision.Accepted), (entry.Status, entry.Decision)));
        var failures = new List<string>();
        foreach (var (upload, entry) in run.Entries)
        {
            var storesNothing = entry.Decision is not (BatchDecision.Accepted or BatchDecision.PartiallyAccepted) || entry.Stored is null or { Inserted: 0, Updated: 0, Withdrawn: 0 };
            var codes = ReportCodes(run.After, upload);
            var ok = entry.Status == BatchStatus.Completed
                && storesNothing
                && upload.Outcome switch
                {
                    HostileOutcome.Quarantined => entry.Decision == BatchDecision.Quarantined,
                    HostileOutcome.Refused => entry.Decision is BatchDecision.Quarantined or BatchDecision.Held or BatchDecision.Rejected,
                    _ => codes.Contains(upload.ExpectedCode!),
                };
            if (!ok)
            {
                failures.Add($"{upload}: {entry.Status} {entry.Decision}, stored {entry.Stored}, codes [{string.Join(", ", codes)}], expected {upload.ExpectedCode ?? upload.Outcome.ToString()}; failure: {entry.FailureReason}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(HostileUploads.All.Count(u => u.Outcome is not (HostileOutcome.NotProcessed or HostileOutcome.Unseen)), run.Entries.Count);
    }

    [Fact]
    public async Task HostileUploads_EachUnusableName_GetsANotProcessedReportAndStaysWhereItWas()
    {
        var run = await HostileRun.GetAsync(azurite);

        foreach (var (upload, report) in run.NotProcessedReports)
        {
            using var json = JsonDocument.Parse(report);
            Assert.False(json.RootElement.GetProperty("processed").GetBoolean());
            Assert.StartsWith("Batch files must be named", json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Contains("site-" + upload.Site.ToLowerInvariant() + " | incoming/" + upload.BlobName, run.After.Blobs.Keys);
        }

        Assert.Equal(HostileUploads.Names.Count(n => n.Outcome == HostileOutcome.NotProcessed), run.NotProcessedReports.Count);
        var unseen = Assert.Single(HostileUploads.All, u => u.Outcome == HostileOutcome.Unseen);
        Assert.Contains("site-s01 | incoming/" + unseen.BlobName, run.After.Blobs.Keys);
    }

    [Fact]
    public async Task HostileUploads_CanonicalDump_EverythingButTheBatchesOwnEntriesUnchanged()
    {
        var run = await HostileRun.GetAsync(azurite);

        // What was there before is there after, byte for byte (tables, blobs, aggregates, schedule).
        var changed = StorageSnapshot.Differences(run.Before, run.After)
            .Where(d => !d.Contains("expected (none)", StringComparison.Ordinal))
            .ToList();
        Assert.True(changed.Count == 0, $"{changed.Count} rows or blobs changed or vanished:\n" + string.Join('\n', changed.Take(20)));

        // What was added belongs to one hostile upload: its ledger and audit entries, its reports, its
        // quarantined bytes, or the refused upload left where the site put it.
        var markers = HostileUploads.All.SelectMany(Markers).ToList();
        var added = run.After.Rows.Where(r => !run.Before.Rows.ContainsKey(r.Key)).Select(r => (Key: "row " + r.Key, Text: r.Key + " " + r.Value))
            .Concat(run.After.Blobs.Keys.Where(k => !run.Before.Blobs.ContainsKey(k)).Select(k => (Key: "blob " + k, Text: k)))
            .ToList();
        var own = added.Where(a => markers.Any(m => a.Text.Contains(m, StringComparison.Ordinal))).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);

        // An audit entry's idempotency reservation (auditkeys: a hash, the day, the entry's row key)
        // belongs to whoever the entry it points at belongs to.
        own.UnionWith(added.Where(a => AuditEntryOf(a.Text) is { } entry && own.Contains(entry)).Select(a => a.Key));
        var foreign = added.Select(a => a.Key).Where(key => !own.Contains(key)).ToList();
        Assert.True(foreign.Count == 0, $"{foreign.Count} additions belong to no hostile upload:\n" + string.Join('\n', foreign.Take(20)));

        // The immutable raw area gains only the bytes of an upload some of whose rows were valid
        // (kept, as every stored batch is); nothing refused, held or quarantined ever gets there.
        var partlyStored = run.Entries.Where(e => e.Value.Decision == BatchDecision.PartiallyAccepted)
            .Select(e => BatchBlobNames.Content(e.Key.Site, HostileRun.Sha256(e.Key)));
        Assert.Equal(run.Before.BlobNames("raw").Concat(partlyStored).Order(StringComparer.Ordinal), run.After.BlobNames("raw").Order(StringComparer.Ordinal));
        foreach (var table in DataTables)
        {
            Assert.Equal(run.Before.Table(table), run.After.Table(table));
        }

        output.WriteLine($"{run.Before.Rows.Count} rows and {run.Before.Blobs.Count} blobs unchanged; {added.Count} added, each one a hostile upload's own; " +
            $"decisions: {string.Join(", ", run.Entries.Values.GroupBy(e => e.Decision).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}");
    }

    /// <summary>What was stored, aggregated and scheduled: no hostile upload may add, change or remove a row here.</summary>
    private static readonly string[] DataTables =
    [
        RegistryTables.Enrollments, RegistryTables.Visits, RegistryTables.RecordVersions, RegistryTables.Withdrawals,
        RegistryTables.Schedule, RegistryTables.ScheduleIndex, RegistryTables.ScheduleReviews, RegistryTables.Aggregates,
    ];

    // The texts that name an upload: its batch key and content hash (ledger, audit, reports,
    // quarantine), or its name (not-processed report and audit entry, the upload itself).
    private static IEnumerable<string> Markers(HostileUpload upload)
    {
        if (upload.Outcome is HostileOutcome.NotProcessed or HostileOutcome.Unseen)
        {
            yield return "incoming/" + upload.BlobName;
            yield return HostileRun.NotProcessedReportName(upload);
            yield return "incoming/" + HostileRun.NotProcessedReportName(upload)["not-processed/".Length..^".json".Length];
            yield break;
        }

        var key = HostileRun.BatchOf(upload).Key;
        yield return key.Value;
        yield return key.InstanceId;
        yield return HostileRun.Sha256(upload);
    }

    // "row audit | <day> | <row>" for an auditkeys row's text (key and canonical value), else null.
    private static string? AuditEntryOf(string text)
    {
        if (!text.StartsWith(RegistryTables.AuditKeys + " | ", StringComparison.Ordinal))
        {
            return null;
        }

        var day = Property(text, "Day");
        var row = Property(text, "EntryRowKey");
        return day is null || row is null ? null : $"row {RegistryTables.Audit} | {day} | {row}";
    }

    private static string? Property(string canonical, string name)
    {
        var start = canonical.IndexOf(name + "=String:", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += name.Length + "=String:".Length;
        var end = canonical.IndexOf("; ", start, StringComparison.Ordinal);
        return canonical[start..(end < 0 ? canonical.Length : end)];
    }

    private static HashSet<string> ReportCodes(StorageSnapshot snapshot, HostileUpload upload)
    {
        var name = $"site-{upload.Site.ToLowerInvariant()} | reports/{BatchBlobNames.ValidationReportJson(HostileRun.BatchOf(upload).Key.Value)}";
        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (snapshot.Blobs.TryGetValue(name, out var report))
        {
            using var json = JsonDocument.Parse(report.Bytes);
            Collect(json.RootElement, codes);
        }

        return codes;
    }

    private static void Collect(JsonElement element, HashSet<string> codes)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "code" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        codes.Add(property.Value.GetString()!);
                    }

                    Collect(property.Value, codes);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, codes);
                }

                break;
        }
    }
}
