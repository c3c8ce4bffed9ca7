using SpineMetsRegistry.Api.Identity;
using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;

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
    RegistryPolicies policies,
    TimeProvider time)
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

        return ApiResponse.Ok(new { site = code, batches = batches.OrderByDescending(b => b.ReceivedAt).Select(Summary) });
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
            batch = Summary(entry),
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

    private ApiResponse? Authorize(RegistryCaller? caller, string site)
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

        return caller.MaySeeSite(configured.Code) ? null : ApiResponse.Forbidden($"reading site {configured.Code}'s batches");
    }

    private static string NormaliseScope(string scope) =>
        scope.StartsWith("site:", StringComparison.OrdinalIgnoreCase) ? "site:" + scope[5..].ToUpperInvariant() : scope.ToLowerInvariant();

    private static bool BatchKeyLooksValid(string batchKey) =>
        batchKey.Length is > 0 and < 130 && batchKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@');

    private static object Summary(BatchLedgerEntry entry) => new
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
    };
}
