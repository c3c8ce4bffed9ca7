using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.Blobs;

namespace SpineMetsRegistry.Api.Uploads;

/// <summary>
/// <c>POST /api/sites/{site}/uploads?name=FILE</c>: a site uploads a batch file through the
/// registry (the command line and the dashboard locally). The pipeline has already decided
/// that the caller is that site's data manager (<see cref="ApiAccess.SiteUpload"/>), so the
/// caller decides the container, never the file; the write is create-only under
/// <c>incoming/</c> (409 when that name is already waiting), the size is limited (413), and
/// what follows is the same event path as any upload into the landing container.
/// </summary>
public sealed partial class UploadApi(IIncomingUploads uploads, RegistryPolicies policies, IOptions<UploadOptions> options)
{
    /// <summary>The largest body accepted, for hosts that cap request bodies themselves.</summary>
    public long MaxBytes => options.Value.MaxBytes;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.(csv|jsonl|ndjson)$")]
    private static partial Regex FileName();

    /// <summary>Stores the request body as <c>incoming/&lt;name&gt;</c> of the authorized site.</summary>
    public async Task<IResult> UploadAsync(ApiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var configured = policies.FindSite(call.Site) ?? throw new InvalidOperationException($"Site {call.Site} was authorized but is not configured.");
        var name = call.Query("name");
        if (string.IsNullOrEmpty(name) || !FileName().IsMatch(name))
        {
            return ApiResults.BadRequest("name must be the file name: letters, digits, '.', '_' or '-', at most 100 characters, ending in .csv, .jsonl or .ndjson (e.g. 2026-12-batch.csv).");
        }

        var limit = options.Value.MaxBytes;
        // The host's own body cap (Kestrel: 30 MB) must not answer before the upload limit does.
        if (call.Request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } cap)
        {
            cap.MaxRequestBodySize = limit + 1;
        }

        if (call.Request.ContentLength > limit)
        {
            return TooLarge(call.Request.ContentLength.Value, limit);
        }

        var counted = new SizeLimitedStream(call.Request.Body, limit);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var hashing = new HashingStream(counted, hash);
        IncomingUploadResult result;
        try
        {
            var contentType = name.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/x-ndjson";
            result = await uploads.CreateAsync(configured.Code, name, hashing, contentType, call.Aborted);
        }
        catch (UploadTooLargeException)
        {
            return TooLarge(counted.BytesRead, limit);
        }

        if (!result.Created)
        {
            return ApiResults.Error(StatusCodes.Status409Conflict, "exists", $"incoming/{name} of site {configured.Code} is already waiting to be processed; an upload never replaces it");
        }

        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        call.Audited($"{configured.Code}/incoming/{name}", string.Create(CultureInfo.InvariantCulture, $"{counted.BytesRead} bytes, sha256 {sha256[..16]}"));
        return TypedResults.Json(
            new
            {
                site = configured.Code,
                fileName = name,
                batchId = Path.GetFileNameWithoutExtension(name),
                blob = $"{configured.ContainerName}/incoming/{name}",
                sizeBytes = counted.BytesRead,
                sha256,
                status = $"/api/sites/{configured.Code}/batches",
            },
            ApiJson.Options,
            statusCode: StatusCodes.Status201Created);
    }

    private static IResult TooLarge(long size, long limit) => ApiResults.Error(StatusCodes.Status413PayloadTooLarge, "too_large", string.Create(CultureInfo.InvariantCulture,
        $"the file is {Size(size)} or more; one upload may be at most {Size(limit)}"));

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.##} MiB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
