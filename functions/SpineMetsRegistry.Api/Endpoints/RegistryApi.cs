using SpineMetsRegistry.Api.Identity;
using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Pipeline.Ingest.Orchestration;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Schedule;

namespace SpineMetsRegistry.Api.Endpoints;

/// <summary>
/// The registry's HTTP API, written once for both hosts (the local ASP.NET Core host and
/// the Functions app bind it to routes). Authorization is by registry role; every report
/// download and aggregate read is audited; every aggregate passes small-cell suppression.
/// </summary>
public sealed class RegistryApi(
    IBatchLedger ledger,
    ILandingBlobs landing,
    IAggregateStore aggregates,
    IAuditLog audit,
    IScheduleStore schedule,
    IFollowUpSweep sweep,
    RegistryPolicies policies,
    TimeProvider time,
    IIngestProgress progress)
{
    private static readonly string[] ReportNames = ["validation.json", "validation.csv", "receipt.json"];

    /// <summary>Liveness: the configuration loaded and the ledger answers.</summary>
    public async Task<ApiResponse> HealthAsync(CancellationToken cancellationToken = default)
    {
        var site = policies.Configuration.Sites[0].Code;
        await using var enumerator = ledger.ListAsync(site, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await enumerator.MoveNextAsync();
        return ApiResponse.Ok(new { status = "ok", sites = policies.Configuration.Sites.Count, time = time.GetUtcNow() });
    }

    /// <summary>The sites the caller may see.</summary>
    public ApiResponse Me(RegistryCaller? caller) => caller is null
        ? ApiResponse.Unauthenticated()
        : ApiResponse.Ok(new
        {
            name = caller.Name,
            roles = caller.Roles.Order(StringComparer.Ordinal),
            committee = caller.IsCommittee,
            @operator = caller.IsOperator,
            sites = policies.Configuration.Sites.Where(s => caller.MaySeeSite(s.Code)).Select(s => new { code = s.Code, name = s.DisplayName }),
        });

    /// <summary>A site's batches, most recent first.</summary>
    public async Task<ApiResponse> ListBatchesAsync(RegistryCaller? caller, string site, CancellationToken cancellationToken = default)
    {
        if (Authorize(caller, site) is { } denied)
        {
            return denied;
        }

        var code = policies.FindSite(site)!.Code;
        var batches = new List<BatchLedgerEntry>();
        await foreach (var batch in ledger.ListAsync(code, cancellationToken))
        {
            batches.Add(batch);
        }

        var summaries = new List<object>(batches.Count);
        foreach (var batch in batches.OrderByDescending(b => b.ReceivedAt))
        {
            summaries.Add(Summary(batch, await ProgressAsync(batch, cancellationToken)));
        }

        return ApiResponse.Ok(new { site = code, batches = summaries });
    }

    /// <summary>One batch with its status history.</summary>
    public async Task<ApiResponse> GetBatchAsync(RegistryCaller? caller, string site, string batchKey, CancellationToken cancellationToken = default)
    {
        if (Authorize(caller, site) is { } denied)
        {
            return denied;
        }

        var code = policies.FindSite(site)!.Code;
        var entry = await ledger.GetAsync(code, batchKey, cancellationToken);
        if (entry is null)
        {
            return ApiResponse.NotFound($"Batch {batchKey} of site {code}");
        }

        var history = await ledger.HistoryAsync(code, batchKey, cancellationToken);
        return ApiResponse.Ok(new
        {
            batch = Summary(entry, await ProgressAsync(entry, cancellationToken)),
            history = history.Select(h => new { status = h.Status.ToString(), at = h.At, detail = h.Detail }),
            reports = ReportNames.Select(n => $"/api/sites/{code}/batches/{batchKey}/reports/{n}"),
        });
    }

    /// <summary>Downloads a batch's validation report or receipt (audited).</summary>
    public async Task<ApiResponse> GetReportAsync(RegistryCaller? caller, string site, string batchKey, string name, CancellationToken cancellationToken = default)
    {
        if (Authorize(caller, site) is { } denied)
        {
            return denied;
        }

        if (!ReportNames.Contains(name, StringComparer.Ordinal) || !BatchKeyLooksValid(batchKey))
        {
            return ApiResponse.NotFound($"Report {name}");
        }

        var code = policies.FindSite(site)!.Code;
        var blobName = $"{batchKey}/{name}";
        if (await landing.GetAsync(code, LandingArea.Reports, blobName, cancellationToken) is null)
        {
            return ApiResponse.NotFound($"Report {name} of batch {batchKey}");
        }

        var content = await landing.OpenReadAsync(code, LandingArea.Reports, blobName, null, cancellationToken);
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), caller!.AuditName, "report.read", $"{code}/{blobName}", "ok", null), null, cancellationToken);
        return ApiResponse.File(content, name.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv; charset=utf-8" : "application/json");
    }

    /// <summary>The aggregates of a scope the caller may read, suppressed.</summary>
    public async Task<ApiResponse> GetAggregatesAsync(RegistryCaller? caller, string scope, CancellationToken cancellationToken = default)
    {
        if (caller is null)
        {
            return ApiResponse.Unauthenticated();
        }

        scope = NormaliseScope(scope);
        if (scope.StartsWith("site:", StringComparison.Ordinal) && policies.FindSite(scope["site:".Length..]) is null)
        {
            return ApiResponse.NotFound($"Scope {scope}");
        }

        if (!caller.MayReadAggregates(scope))
        {
            return ApiResponse.Forbidden($"reading the aggregates of {scope}");
        }

        var threshold = policies.Settings.SmallCellThreshold;
        var tables = new List<PublishedTable>();
        DateTimeOffset? computedAt = null;
        await foreach (var document in aggregates.ListAsync(scope, cancellationToken))
        {
            tables.Add(SmallCellSuppressor.Publish(AggregateJson.Deserialize(document.Json), threshold));
            computedAt = computedAt is null || document.ComputedAt > computedAt ? document.ComputedAt : computedAt;
        }

        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), caller.AuditName, "aggregates.read", scope, "ok", $"{tables.Count} tables, threshold {threshold}"), null, cancellationToken);
        return ApiResponse.Ok(new
        {
            scope,
            computedAt,
            suppressionThreshold = threshold,
            tables = tables.OrderBy(t => t.Name, StringComparer.Ordinal),
        });
    }

    /// <summary>
    /// A site's current reminders: its expected visits in an actionable state (upcoming, due,
    /// overdue, missed) as of today, or as of <paramref name="asOf"/> (YYYY-MM-DD), computed
    /// from the site's schedule partition. The body has the form of a daily digest.
    /// </summary>
    public async Task<ApiResponse> GetSiteRemindersAsync(RegistryCaller? caller, string site, string? asOf, CancellationToken cancellationToken = default)
    {
        if (Authorize(caller, site, "reading site {0}'s reminders") is { } denied)
        {
            return denied;
        }

        if (!TryDay(asOf, out var day))
        {
            return ApiResponse.BadRequest("asOf must be a date written YYYY-MM-DD.");
        }

        var code = policies.FindSite(site)!.Code;
        var reminders = new List<VisitReminder>();
        await foreach (var visit in schedule.ListSiteAsync(code, cancellationToken))
        {
            if (VisitReminder.IsActionable(visit.StateOn(day)))
            {
                reminders.Add(VisitReminder.Describe(visit, day));
            }
        }

        var digest = ReminderDigest.Create(code, day, policies.Protocol.Fingerprint, reminders);
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), caller!.AuditName, "reminders.read", $"{code}/reminders?asOf={day:yyyy-MM-dd}", "ok", $"{digest.Reminders.Count} reminders"), null, cancellationToken);
        return ApiResponse.File(new MemoryStream(ReminderDigestFormats.ToJson(digest), writable: false), "application/json");
    }

    /// <summary>
    /// The weekly committee digest: the sites whose follow-up compliance is below the
    /// configured threshold at one time point or more, and the compliance count table
    /// (site x time point x outcome), small-cell suppressed. The number of closed visits is
    /// shown when it reaches the suppression threshold; a rate only when, besides, the count of
    /// visits within the window is published in the table, since a rate times a published
    /// total would otherwise reveal a suppressed cell.
    /// </summary>
    public async Task<ApiResponse> GetCommitteeDigestAsync(RegistryCaller? caller, CancellationToken cancellationToken = default)
    {
        if (caller is null)
        {
            return ApiResponse.Unauthenticated();
        }

        if (!caller.IsCommittee && !caller.IsOperator)
        {
            return ApiResponse.Forbidden("reading the committee digest");
        }

        var stored = await aggregates.ReadAsync(AggregateScopes.Committee, ComplianceDigest.DocumentName, cancellationToken);
        if (stored is null)
        {
            return ApiResponse.NotFound("The weekly compliance digest (no follow-up sweep has computed it yet)");
        }

        var digest = ComplianceDigest.FromJson(stored.Json);
        var threshold = policies.Settings.SmallCellThreshold;
        var table = await aggregates.ReadAsync(AggregateScopes.Pooled, FollowUpCompliance.TableName, cancellationToken) is { } document
            ? SmallCellSuppressor.Publish(AggregateJson.Deserialize(document.Json), threshold)
            : null;
        var withinShown = (table?.Counts ?? [])
            .Where(c => c.Count is not null && c.Keys.Count == 3 && c.Keys[2] == FollowUpCompliance.Code(ComplianceOutcome.WithinWindow))
            .Select(c => (c.Keys[0], c.Keys[1]))
            .ToHashSet();
        var below = digest.Compliance
            .Where(c => c.IsBelow(digest.Threshold))
            .GroupBy(c => c.Site, StringComparer.Ordinal)
            .Select(g => new
            {
                site = g.Key,
                timePoints = g.Select(c => new
                {
                    timePoint = c.TimePoint,
                    compliance = c.Closed >= threshold && withinShown.Contains((c.Site, c.TimePoint)) ? Math.Round(c.Rate, 2) : (double?)null,
                    closedVisits = c.Closed >= threshold ? c.Closed.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"<{threshold}",
                }),
            })
            .ToList();

        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), caller.AuditName, "committee.digest.read", $"{AggregateScopes.Committee}/{ComplianceDigest.DocumentName}", "ok", $"{below.Count} sites below threshold, suppression {threshold}"), null, cancellationToken);
        return ApiResponse.Ok(new
        {
            asOf = digest.AsOf,
            computedAt = stored.ComputedAt,
            complianceThreshold = digest.Threshold,
            suppressionThreshold = threshold,
            definition = "Compliance = visits received within their window / visits whose window has closed, per site and time point.",
            sitesBelowThreshold = below,
            table,
        });
    }

    /// <summary>Runs the follow-up sweep as of a day (default today, UTC); operators only.</summary>
    public async Task<ApiResponse> RunSweepAsync(RegistryCaller? caller, string? asOf, CancellationToken cancellationToken = default)
    {
        if (caller is null)
        {
            return ApiResponse.Unauthenticated();
        }

        if (!caller.IsOperator)
        {
            return ApiResponse.Forbidden("running the follow-up sweep");
        }

        if (!TryDay(asOf, out var day))
        {
            return ApiResponse.BadRequest("asOf must be a date written YYYY-MM-DD.");
        }

        // A sweep of a future day would move the watermark ahead and silence the real
        // reminders until then; previews of later days belong to a test registry
        // (the local host's --sweep-as-of).
        if (day > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))
        {
            return ApiResponse.BadRequest("asOf must not be later than today (UTC): a sweep of a future day would suppress the real reminders until then.");
        }

        var result = await sweep.RunAsync(day, cancellationToken);
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), caller.AuditName, "sweep.run", $"sweep/{day:yyyy-MM-dd}", result.Mode == SweepMode.AlreadySwept ? "skipped" : "ok", result.Summary), null, cancellationToken);
        return ApiResponse.Ok(result);
    }

    private bool TryDay(string? text, out DateOnly day)
    {
        if (string.IsNullOrEmpty(text))
        {
            day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day);
    }

    private ApiResponse? Authorize(RegistryCaller? caller, string site, string what = "reading site {0}'s batches")
    {
        if (caller is null)
        {
            return ApiResponse.Unauthenticated();
        }

        var configured = policies.FindSite(site);
        if (configured is null)
        {
            return ApiResponse.NotFound($"Site {site}");
        }

        return caller.MaySeeSite(configured.Code) ? null : ApiResponse.Forbidden(string.Format(System.Globalization.CultureInfo.InvariantCulture, what, configured.Code));
    }

    private static string NormaliseScope(string scope) =>
        scope.StartsWith("site:", StringComparison.OrdinalIgnoreCase) ? "site:" + scope[5..].ToUpperInvariant() : scope.ToLowerInvariant();

    private static bool BatchKeyLooksValid(string batchKey) =>
        batchKey.Length is > 0 and < 130 && batchKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@');

    // Only a batch still being processed has progress worth asking the engine for.
    private async Task<IngestProgress?> ProgressAsync(BatchLedgerEntry entry, CancellationToken cancellationToken) =>
        entry.Status is BatchStatus.Received or BatchStatus.Validated or BatchStatus.Stored or BatchStatus.Aggregated or BatchStatus.Scheduled
            ? await progress.GetAsync(BatchKey.Create(entry.Site, entry.BatchId, entry.Sha256), cancellationToken)
            : null;

    private static object Summary(BatchLedgerEntry entry, IngestProgress? progress) => new
    {
        batchKey = entry.BatchKey,
        batchId = entry.BatchId,
        fileName = entry.FileName,
        sha256 = entry.Sha256,
        sizeBytes = entry.SizeBytes,
        status = entry.Status.ToString(),
        decision = entry.Decision,
        receivedAt = entry.ReceivedAt,
        updatedAt = entry.UpdatedAt,
        validation = entry.Validation,
        stored = entry.Stored,
        failureReason = entry.FailureReason,
        dictionaryVersion = entry.DictionaryVersion,
        progress,
    };
}
