using SpineMetsRegistry.Infra.Tests.Rules;

namespace SpineMetsRegistry.Infra.Tests.Isolation;

/// <summary>Who holds a role assignment in the Bicep.</summary>
public enum GrantPrincipal
{
    /// <summary>A site's Entra group or service principal.</summary>
    Site,

    /// <summary>The function app's user-assigned identity.</summary>
    App,

    /// <summary>An Event Grid system topic's identity.</summary>
    EventGridTopic,
}

/// <summary>What a role assignment is scoped to.</summary>
public enum GrantScope
{
    /// <summary>The site's own site-&lt;code&gt; container.</summary>
    SiteContainer,

    /// <summary>A whole landing account.</summary>
    LandingAccount,

    /// <summary>The whole central account.</summary>
    CentralAccount,

    /// <summary>The central ingest-events queue only.</summary>
    IngestQueue,

    /// <summary>The central Event Grid dead-letter container only.</summary>
    DeadLetterContainer,

    /// <summary>Application Insights (telemetry, no storage).</summary>
    ApplicationInsights,
}

/// <summary>The kind of shared access signature that stands for a role assignment on Azurite.</summary>
public enum SasKind
{
    /// <summary>No storage access (the role is not a storage role).</summary>
    None,

    /// <summary>A service SAS on one container.</summary>
    Container,

    /// <summary>A service SAS on one blob, issued per blob under the readable prefixes.</summary>
    BlobUnderReadablePrefixes,

    /// <summary>A service SAS on one queue.</summary>
    Queue,

    /// <summary>An account SAS for the blob service.</summary>
    AccountBlobs,

    /// <summary>An account SAS for the queue service.</summary>
    AccountQueues,

    /// <summary>An account SAS for the table service.</summary>
    AccountTables,
}

/// <summary>One local stand-in for an Azure role assignment: a SAS of a kind with permissions (SAS letters, e.g. "cw").</summary>
public sealed record LocalSas(SasKind Kind, string Permissions);

/// <summary>One role assignment of the Bicep and the SAS that stand for it locally.</summary>
public sealed record LocalGrant(GrantPrincipal Principal, string RoleGuid, GrantScope Scope, IReadOnlyList<LocalSas> Sas, string Why)
{
    public override string ToString() => $"{Principal} {RoleGuid} on {Scope}";
}

/// <summary>
/// The one table of who may do what in storage (issue 16, "Isolation and access"): every storage
/// role assignment the Bicep makes, and the Azurite shared access signatures that grant the same
/// scope locally. <see cref="Tests.LocalGrantsTests"/> checks it against the Bicep's role
/// assignments both ways; <see cref="Tests.SasIsolationTests"/> derives the SAS from it and proves
/// on Azurite what each principal can and cannot reach.
/// <para>
/// A SAS has a scope (account, container, blob, queue) and permissions, but no path prefix: the
/// site's condition (write only under incoming/, read only under reports/ and reminders/) is
/// stood for by a container SAS without read or list, plus a read SAS per blob the site may read.
/// The conditions themselves are evaluated request by request in <see cref="AccessProbes"/>.
/// </para>
/// </summary>
public static class LocalGrants
{
    public static IReadOnlyList<LocalGrant> All { get; } =
    [
        new(GrantPrincipal.Site, RoleGuids.StorageBlobDataContributor, GrantScope.SiteContainer,
            [new(SasKind.Container, "cw"), new(SasKind.BlobUnderReadablePrefixes, "r")],
            "uploads into its own container (create and write, never read or list), reads its own reports and reminders"),
        new(GrantPrincipal.App, RoleGuids.StorageBlobDataContributor, GrantScope.LandingAccount,
            [new(SasKind.AccountBlobs, "rwdlc")],
            "reads uploads, writes reports and reminders, removes ingested uploads"),
        new(GrantPrincipal.App, RoleGuids.StorageBlobDataOwner, GrantScope.CentralAccount,
            [new(SasKind.AccountBlobs, "rwdlac")],
            "the registry's own blobs (intake, raw, quarantine, staging, the host store)"),
        new(GrantPrincipal.App, RoleGuids.StorageQueueDataContributor, GrantScope.CentralAccount,
            [new(SasKind.AccountQueues, "rwdlaup")],
            "the ingest queue and the Durable task hub's queues"),
        new(GrantPrincipal.App, RoleGuids.StorageTableDataContributor, GrantScope.CentralAccount,
            [new(SasKind.AccountTables, "rwdlau")],
            "the registry's tables and the task hub's tables"),
        new(GrantPrincipal.App, RoleGuids.MonitoringMetricsPublisher, GrantScope.ApplicationInsights,
            [new(SasKind.None, "")],
            "telemetry only"),
        new(GrantPrincipal.EventGridTopic, RoleGuids.StorageQueueDataMessageSender, GrantScope.IngestQueue,
            [new(SasKind.Queue, "a")],
            "sends upload events, reads nothing"),
        new(GrantPrincipal.EventGridTopic, RoleGuids.StorageBlobDataContributor, GrantScope.DeadLetterContainer,
            [new(SasKind.Container, "rcwd")],
            "dead-letters undeliverable events"),
    ];

    /// <summary>The grant of a principal on a scope (exactly one).</summary>
    public static LocalGrant Of(GrantPrincipal principal, GrantScope scope) => All.Single(g => g.Principal == principal && g.Scope == scope);
}
