using System.Globalization;
using System.Security.Cryptography;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// Receive: copy the exact uploaded version (checked against the starter's SHA-256) into
/// the central intake area, open the batch's ledger entry, then remove the file from the
/// site's incoming area. Idempotent: a bytes copy that already exists is not repeated, and
/// the incoming file is deleted only if it still is the version received.
/// </summary>
public sealed class ReceiveActivity(ILandingBlobs landing, ICentralBlobs central, IBatchLedger ledger, IAuditLog audit)
{
    /// <summary>Runs the activity.</summary>
    public async Task<ReceivedBatch> RunAsync(ReceiveInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = input.Request;
        var key = request.Key;
        var existing = await ledger.GetAsync(key.Site, key.Value, cancellationToken);
        if (existing?.Status == BatchStatus.Completed)
        {
            await landing.DeleteIfUnchangedAsync(key.Site, LandingArea.Incoming, request.FileName, request.ETag, cancellationToken);
            return new ReceivedBatch(key.Site, key.Value, AlreadyCompleted: true);
        }

        var contentName = BatchBlobNames.Content(key.Site, key.Sha256);
        var intakeName = BatchBlobNames.IntakeCopy(key.Site, key.Value);
        if (!await AlreadyCopiedAsync(intakeName, contentName, cancellationToken))
        {
            await CopyVerifiedAsync(request, intakeName, cancellationToken);
        }

        var entry = existing ?? new BatchLedgerEntry
        {
            Site = key.Site,
            BatchKey = key.Value,
            BatchId = key.BatchId,
            FileName = request.FileName,
            Sha256 = key.Sha256,
            SizeBytes = request.SizeBytes,
            Status = BatchStatus.Received,
            ReceivedAt = input.At,
            UpdatedAt = input.At,
        };
        await LedgerUpdates.AdvanceAsync(ledger, entry, BatchStatus.Received, input.At,
            string.Create(CultureInfo.InvariantCulture, $"{request.SizeBytes} bytes, sha256 {key.Sha256}"), null, cancellationToken);
        await audit.AppendAsync(
            new AuditEntry(input.At, "site:" + key.Site, "upload", key.Value, "received", string.Create(CultureInfo.InvariantCulture, $"{request.FileName}, {request.SizeBytes} bytes")),
            "received|" + key,
            cancellationToken);

        await landing.DeleteIfUnchangedAsync(key.Site, LandingArea.Incoming, request.FileName, request.ETag, cancellationToken);
        return new ReceivedBatch(key.Site, key.Value, AlreadyCompleted: false);
    }

    private async Task<bool> AlreadyCopiedAsync(string intakeName, string contentName, CancellationToken cancellationToken) =>
        await central.ExistsAsync(CentralArea.Intake, intakeName, cancellationToken)
        || await central.ExistsAsync(CentralArea.Raw, contentName, cancellationToken)
        || await central.ExistsAsync(CentralArea.Quarantine, contentName, cancellationToken);

    private async Task CopyVerifiedAsync(IngestRequest request, string intakeName, CancellationToken cancellationToken)
    {
        // Spool to a local temporary file while hashing, so the central copy is written only
        // once the bytes are known to be the version the starter hashed.
        var temporary = Path.GetTempFileName();
        try
        {
            string sha256;
            await using (var spool = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await using (var source = await landing.OpenReadAsync(request.Site, LandingArea.Incoming, request.FileName, request.ETag, cancellationToken))
                {
                    using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    var buffer = new byte[1 << 16];
                    int read;
                    while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }

                    sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
                }

                if (!string.Equals(sha256, request.Sha256, StringComparison.Ordinal))
                {
                    throw new BlobChangedException($"The file {request.FileName} of site {request.Site} changed after it was announced; the newer upload is processed separately.");
                }

                spool.Position = 0;
                await central.UploadAsync(CentralArea.Intake, intakeName, spool, overwrite: false, cancellationToken);
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
