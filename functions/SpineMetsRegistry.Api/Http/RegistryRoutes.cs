using SpineMetsRegistry.Api.Aggregates;
using SpineMetsRegistry.Api.Batches;
using SpineMetsRegistry.Api.FollowUp;
using SpineMetsRegistry.Api.Health;
using SpineMetsRegistry.Api.Operations;
using SpineMetsRegistry.Api.Statistics;
using SpineMetsRegistry.Api.Uploads;

namespace SpineMetsRegistry.Api.Http;

/// <summary>
/// The route table: every route both hosts serve, with who may call it and what it audits.
/// The local host maps <see cref="All"/>; the Functions app has one HTTP function per row,
/// named <see cref="ApiRoute.Name"/> on <see cref="ApiRoute.Template"/> (the constants below
/// keep its attributes and this table one text), and its binding tests compare the generated
/// functions.metadata with this table.
/// </summary>
public static class RegistryRoutes
{
    /// <summary>The route prefix both hosts serve the table under.</summary>
    public const string Prefix = "api";

    /// <summary>Liveness.</summary>
    public static ApiRoute Health { get; } = ApiRoute.For<HealthEndpoints>(Names.Health, "GET", Templates.Health, ApiAccess.Anyone, (e, c) => e.HealthAsync(c));

    /// <summary>The caller's roles and sites.</summary>
    public static ApiRoute Me { get; } = ApiRoute.For<HealthEndpoints>(Names.Me, "GET", Templates.Me, ApiAccess.SignedIn, (e, c) => e.MeAsync(c));

    /// <summary>A site's batches.</summary>
    public static ApiRoute ListBatches { get; } = ApiRoute.For<BatchEndpoints>(Names.ListBatches, "GET", Templates.ListBatches, ApiAccess.SiteData, (e, c) => e.ListAsync(c))
        with { Activity = "reading site {site}'s batches" };

    /// <summary>One batch.</summary>
    public static ApiRoute GetBatch { get; } = ApiRoute.For<BatchEndpoints>(Names.GetBatch, "GET", Templates.GetBatch, ApiAccess.SiteData, (e, c) => e.GetAsync(c))
        with { Activity = "reading site {site}'s batches" };

    /// <summary>A batch's report or receipt (audited).</summary>
    public static ApiRoute GetReport { get; } = ApiRoute.For<BatchEndpoints>(Names.GetReport, "GET", Templates.GetReport, ApiAccess.SiteData, (e, c) => e.GetReportAsync(c))
        with { Activity = "reading site {site}'s batches", AuditAction = "report.read" };

    /// <summary>The aggregates of a scope (audited).</summary>
    public static ApiRoute GetAggregates { get; } = ApiRoute.For<AggregateEndpoints>(Names.GetAggregates, "GET", Templates.GetAggregates, ApiAccess.AggregateScope, (e, c) => e.GetAsync(c))
        with { AuditAction = "aggregates.read" };

    /// <summary>A site's current reminders (audited).</summary>
    /// <summary>GET /api/statistics/{scope}: every committee table of a scope for a filter.</summary>
    public static ApiRoute GetStatistics { get; } = ApiRoute.For<StatisticsApi>(Names.GetStatistics, "GET", Templates.GetStatistics, ApiAccess.AggregateScope, (e, c) => e.GetAsync(c))
        with { AuditAction = "statistics.read" };

    /// <summary>GET /api/statistics/{scope}/{table}: one committee table as JSON, or CSV when the name ends in ".csv".</summary>
    public static ApiRoute GetStatisticsTable { get; } = ApiRoute.For<StatisticsApi>(Names.GetStatisticsTable, "GET", Templates.GetStatisticsTable, ApiAccess.AggregateScope, (e, c) => e.GetTableAsync(c))
        with { AuditAction = "statistics.read" };

    public static ApiRoute ListReminders { get; } = ApiRoute.For<FollowUpEndpoints>(Names.ListReminders, "GET", Templates.ListReminders, ApiAccess.SiteData, (e, c) => e.GetSiteRemindersAsync(c))
        with { Activity = "reading site {site}'s reminders", AuditAction = "reminders.read" };

    /// <summary>The weekly committee digest (audited).</summary>
    public static ApiRoute CommitteeDigest { get; } = ApiRoute.For<FollowUpEndpoints>(Names.CommitteeDigest, "GET", Templates.CommitteeDigest, ApiAccess.Committee, (e, c) => e.GetCommitteeDigestAsync(c))
        with { Activity = "reading the committee digest", AuditAction = "committee.digest.read" };

    /// <summary>The follow-up sweep on demand (audited).</summary>
    public static ApiRoute RunSweep { get; } = ApiRoute.For<OperationsEndpoints>(Names.RunSweep, "POST", Templates.RunSweep, ApiAccess.Operator, (e, c) => e.RunSweepAsync(c))
        with { Activity = "running the follow-up sweep", AuditAction = "sweep.run" };

    /// <summary>Every route, in the order the API documentation lists them.</summary>
    /// <summary>
    /// A site uploads a batch through the registry: served by the local host only. In Azure a
    /// site writes straight into its own landing container with its own Entra identity (the
    /// ABAC condition in infra/ allows exactly that), and the Functions app has no right to
    /// create blobs under <c>incoming/</c>, so it binds no function for this route.
    /// </summary>
    public static ApiRoute UploadBatch { get; } = ApiRoute.For<UploadApi>(Names.UploadBatch, "POST", Templates.UploadBatch, ApiAccess.SiteUpload, (e, c) => e.UploadAsync(c))
        with { Activity = "uploading into site {site}'s container", AuditAction = "upload.create" };

    /// <summary>The routes only the local host serves (see <see cref="UploadBatch"/>).</summary>
    public static IReadOnlyList<ApiRoute> LocalOnly { get; } = [UploadBatch];

    public static IReadOnlyList<ApiRoute> All { get; } = [Health, Me, ListBatches, GetBatch, GetReport, GetAggregates, GetStatistics, GetStatisticsTable, ListReminders, CommitteeDigest, RunSweep];

    /// <summary>The route names (the Functions app's function names).</summary>
    public static class Names
    {
        /// <summary>GET health.</summary>
        public const string Health = "Health";

        /// <summary>GET me.</summary>
        public const string Me = "Me";

        /// <summary>GET a site's batches.</summary>
        public const string ListBatches = "ListBatches";

        /// <summary>GET one batch.</summary>
        public const string GetBatch = "GetBatch";

        /// <summary>GET a report.</summary>
        public const string GetReport = "GetReport";

        /// <summary>GET aggregates.</summary>
        public const string GetAggregates = "GetAggregates";

        /// <summary>Every committee table of a scope.</summary>
        public const string GetStatistics = "GetStatistics";

        /// <summary>One committee table.</summary>
        public const string GetStatisticsTable = "GetStatisticsTable";

        /// <summary>GET reminders.</summary>
        public const string ListReminders = "ListReminders";

        /// <summary>GET the committee digest.</summary>
        public const string CommitteeDigest = "CommitteeDigest";

        /// <summary>POST a sweep.</summary>
        public const string RunSweep = "RunSweep";

        /// <summary>The local host's upload route.</summary>
        public const string UploadBatch = "UploadBatch";
    }

    /// <summary>The route templates under <see cref="Prefix"/>.</summary>
    public static class Templates
    {
        /// <summary>health.</summary>
        public const string Health = "health";

        /// <summary>me.</summary>
        public const string Me = "me";

        /// <summary>A site's batches.</summary>
        public const string ListBatches = "sites/{site}/batches";

        /// <summary>One batch.</summary>
        public const string GetBatch = "sites/{site}/batches/{batchKey}";

        /// <summary>A report.</summary>
        public const string GetReport = "sites/{site}/batches/{batchKey}/reports/{name}";

        /// <summary>Aggregates.</summary>
        public const string GetAggregates = "aggregates/{scope}";

        /// <summary>Every committee table of a scope.</summary>
        public const string GetStatistics = "statistics/{scope}";

        /// <summary>One committee table (<c>.csv</c> appended: CSV).</summary>
        public const string GetStatisticsTable = "statistics/{scope}/{table}";

        /// <summary>Reminders.</summary>
        public const string ListReminders = "sites/{site}/reminders";

        /// <summary>The committee digest.</summary>
        public const string CommitteeDigest = "committee/digest";

        /// <summary>The sweep.</summary>
        public const string RunSweep = "operations/sweep";

        /// <summary>The local host's upload route (<c>?name=FILE</c>).</summary>
        public const string UploadBatch = "sites/{site}/uploads";
    }
}
