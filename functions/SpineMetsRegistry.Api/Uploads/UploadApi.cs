using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SpineMetsRegistry.Api.Endpoints;
using SpineMetsRegistry.Api.Identity;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;

namespace SpineMetsRegistry.Api.Uploads;

/// <summary>
/// <c>POST /api/sites/{site}/uploads?name=FILE</c>: a site uploads a batch file through the
/// registry (the command line and the dashboard locally). The caller's site role decides the
/// container, never the file; the write is create-only under <c>incoming/</c> (409 when that
/// name is already waiting), the size is limited (413), and what follows is the same event
/// path as any upload into the landing container.
/// </summary>
public sealed partial class UploadApi(IIncomingUploads uploads, IAuditLog audit, RegistryPolicies policies, IOptions<UploadOptions> options, TimeProvider time)
{
    /// <summary>The largest body accepted, for hosts that cap request bodies themselves.</summary>
    public long MaxBytes => options.Value.MaxBytes;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.(csv|jsonl|ndjson)$")]
    private static partial Regex FileName();

    /// <summary>Stores the body as <c>incoming/&lt;name&gt;</c> of the caller's site.</summary>
    public async Task<ApiResponse> UploadAsync(RegistryCaller? caller, string site, string? name, long? contentLength, Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (caller is null)
        {
            return ApiResponse.Unauthenticated();
        }

        var configured = policies.FindSite(site);
        if (configured is null)
        {
            return ApiResponse.NotFound($"Site {site}");
        }

        // Only the site's own data managers: an operator reads every site but uploads for none.
        if (!caller.Roles.Contains(RegistryRoles.Site(configured.Code)))
        {
            return ApiResponse.Forbidden($"uploading into site {configured.Code}'s container");
        }

        if (string.IsNullOrEmpty(name) || !FileName().IsMatch(name))
        {
            return ApiResponse.BadRequest("name must be the file name: letters, digits, '.', '_' or '-', at most 100 characters, ending in .csv, .jsonl or .ndjson (e.g. 2026-12-batch.csv).");
        }

        var limit = options.Value.MaxBytes;
        if (contentLength > limit)
        {
            return TooLarge(contentLength.Value, limit);
        }

        var counted = new SizeLimitedStream(body, limit);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var hashing = new HashingStream(counted, hash);
        IncomingUploadResult result;
        try
        {
            var contentType = name.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/x-ndjson";
            result = await uploads.CreateAsync(configured.Code, name, hashing, contentType, cancellationToken);
        }
        catch (UploadTooLargeException)
        {
            return TooLarge(counted.BytesRead, limit);
        }

        if (!result.Created)
        {
            return ApiResponse.Error(409, "exists", $"incoming/{name} of site {configured.Code} is already waiting to be processed; an upload never replaces it");
        }

        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), caller.AuditName, "upload.create", $"{configured.Code}/incoming/{name}", "ok",
            string.Create(CultureInfo.InvariantCulture, $"{counted.BytesRead} bytes, sha256 {sha256[..16]}")), null, cancellationToken);
        return new ApiResponse
        {
            StatusCode = 201,
            Json = new
            {
                site = configured.Code,
                fileName = name,
                batchId = Path.GetFileNameWithoutExtension(name),
                blob = $"{configured.ContainerName}/incoming/{name}",
                sizeBytes = counted.BytesRead,
                sha256,
                status = $"/api/sites/{configured.Code}/batches",
            },
        };
    }

    private static ApiResponse TooLarge(long size, long limit) => ApiResponse.Error(413, "too_large", string.Create(CultureInfo.InvariantCulture,
        $"the file is {Size(size)} or more; one upload may be at most {Size(limit)}"));

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.##} MiB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
