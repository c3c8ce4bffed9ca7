using SpineMetsRegistry.Infra.Tests.Abac;

namespace SpineMetsRegistry.Infra.Tests.Rules;

/// <summary>
/// What each conditioned role assignment must and must not allow: the registry's access design
/// (README "Infrastructure (Bicep)") written as concrete requests.
/// </summary>
public static class AccessProbes
{
    /// <summary>A site principal on its own container: write under incoming/, read reports/ and reminders/.</summary>
    public static IReadOnlyList<AccessProbe> ForSite(string container, string foreignContainer) =>
    [
        Allow(BlobRequest.Write(container, "incoming/batch-0001.csv")),
        Allow(BlobRequest.Create(container, "incoming/batch-0001.jsonl")),
        Allow(BlobRequest.Delete(container, "incoming/batch-0001.csv")),
        Allow(BlobRequest.Rename(container, "incoming/batch-0001.csv")),
        Allow(BlobRequest.Read(container, "reports/batch-0001.json")),
        Allow(BlobRequest.Read(container, "reminders/2025-03-01.json")),
        Allow(BlobRequest.List(container, "incoming/")),
        Allow(BlobRequest.List(container, "reports/")),
        Allow(BlobRequest.List(container, "reminders/2025")),
        Deny(BlobRequest.Write(container, "reports/forged.json")),
        Deny(BlobRequest.Write(container, "reminders/forged.json")),
        Deny(BlobRequest.Write(container, "batch-at-root.csv")),
        Deny(BlobRequest.Write(container, "incomingx/batch.csv")),
        Deny(BlobRequest.Create(container, "reports/forged.json")),
        Deny(BlobRequest.Delete(container, "reports/batch-0001.json")),
        Deny(BlobRequest.Delete(container, "reminders/2025-03-01.json")),
        Deny(BlobRequest.Rename(container, "reports/batch-0001.json")),
        Deny(BlobRequest.Read(container, "incoming/batch-0001.csv")),
        Deny(BlobRequest.Read(container, "other/file.txt")),
        Deny(BlobRequest.List(container, null)),
        Deny(BlobRequest.List(container, string.Empty)),
        Deny(BlobRequest.List(container, "other/")),
        Deny(BlobRequest.Write(foreignContainer, "incoming/batch-0001.csv")),
        Deny(BlobRequest.Read(foreignContainer, "reports/batch-0001.json")),
        Deny(BlobRequest.List(foreignContainer, "reports/")),
        Deny(BlobRequest.DeleteVersion(container, "incoming/batch-0001.csv")),
    ];

    /// <summary>
    /// The function app on a landing account: read every upload, write only reports/ and
    /// reminders/, and delete an upload under incoming/ (once it is copied to central storage)
    /// but never overwrite, create or rename one.
    /// </summary>
    public static IReadOnlyList<AccessProbe> ForAppOnLanding(string siteContainer) =>
    [
        Allow(BlobRequest.Read(siteContainer, "incoming/batch-0001.csv")),
        Allow(BlobRequest.List(siteContainer, null)),
        Allow(BlobRequest.List(siteContainer, "incoming/")),
        Allow(BlobRequest.Read(siteContainer, "reports/batch-0001.json")),
        Allow(BlobRequest.Write(siteContainer, "reports/batch-0001.json")),
        Allow(BlobRequest.Create(siteContainer, "reminders/2025-03-01.json")),
        Allow(BlobRequest.Delete(siteContainer, "reminders/2025-03-01.json")),
        Deny(BlobRequest.Write(siteContainer, "incoming/batch-0001.csv")),
        Deny(BlobRequest.Create(siteContainer, "incoming/batch-0002.csv")),
        Allow(BlobRequest.Delete(siteContainer, "incoming/batch-0001.csv")),
        Deny(BlobRequest.Rename(siteContainer, "incoming/batch-0001.csv")),
        Deny(BlobRequest.Write(siteContainer, "batch-at-root.csv")),
        Deny(BlobRequest.Delete(siteContainer, "batch-at-root.csv")),
        Deny(BlobRequest.Delete("not-a-site", "incoming/x.csv")),
        Deny(BlobRequest.Read("not-a-site", "anything.txt")),
        Deny(BlobRequest.Write("not-a-site", "reports/x.json")),
    ];

    /// <summary>The function app on the central account: everything except destroying raw uploads.</summary>
    public static IReadOnlyList<AccessProbe> ForAppOnCentral() =>
    [
        Allow(BlobRequest.Create("raw", "s10/3f2a.csv")),
        Allow(BlobRequest.Write("raw", "s10/3f2a.csv")),
        Allow(BlobRequest.Read("raw", "s10/3f2a.csv")),
        Allow(BlobRequest.Delete("staging", "chunk-0001.json")),
        Allow(BlobRequest.Delete("quarantine", "s10/3f2a.csv")),
        Allow(BlobRequest.DeleteVersion("staging", "chunk-0001.json")),
        Allow(BlobRequest.Write("azure-webjobs-hosts", "locks/lease")),
        Deny(BlobRequest.Delete("raw", "s10/3f2a.csv")),
        Deny(BlobRequest.DeleteVersion("raw", "s10/3f2a.csv")),
        Deny(BlobRequest.PermanentDelete("raw", "s10/3f2a.csv")),
        Deny(BlobRequest.ChangeImmutability("raw", "s10/3f2a.csv")),
    ];

    /// <summary>Runs probes against a role and condition; returns the ones Azure would decide differently.</summary>
    public static IEnumerable<AccessProbe> Failing(IEnumerable<AccessProbe> probes, BlobDataRole role, AbacExpression? condition) =>
        probes.Where(probe => AccessCheck.IsAllowed(role, condition, probe.Request) != probe.MustBeAllowed);

    private static AccessProbe Allow(BlobRequest request) => new(request, true);

    private static AccessProbe Deny(BlobRequest request) => new(request, false);
}
