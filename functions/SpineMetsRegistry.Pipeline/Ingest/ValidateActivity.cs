using System.Globalization;
using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Domain.Validation.Reports;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Pipeline.Schedule;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// Validate: run the full validation and the de-identification gate over the received
/// bytes (streaming), write the site's report (JSON and CSV), then either quarantine the
/// whole batch (any identifier finding), or keep the bytes immutably in the raw area and
/// stage the accepted records in bounded chunks, or (held or rejected: nothing stored) let
/// go of the bytes without ever writing them to the raw area. Idempotent: every write overwrites or is
/// copy-if-absent, and the bytes are read from wherever the previous attempt left them.
/// </summary>
public sealed class ValidateActivity(
    ILandingBlobs landing,
    ICentralBlobs central,
    IBatchLedger ledger,
    IRecordStore records,
    IScheduleStore schedule,
    IAuditLog audit,
    RegistryPolicies policies)
{
    /// <summary>Records per staged chunk: a chunk is stored by one activity in a few entity-group transactions.</summary>
    public const int ChunkSize = 250;

    /// <summary>Runs the activity.</summary>
    public async Task<ValidatedBatch> RunAsync(BatchStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var entry = await LedgerUpdates.RequireAsync(ledger, step.Site, step.BatchKey, cancellationToken);
        if (BatchLedgerRules.IsCompleted(entry) && entry.Decision is { } finalDecision && entry.Validation is { } finalCounts)
        {
            // A late duplicate execution after the batch completed: staging again would leave
            // chunks no step ever cleans up. Report the recorded outcome (nothing reads it).
            return new ValidatedBatch(finalDecision, false, 0, finalCounts);
        }

        var contentName = BatchBlobNames.Content(entry.Site, entry.Sha256);
        var intakeName = BatchBlobNames.IntakeCopy(entry.Site, entry.BatchKey);
        var site = policies.FindSite(entry.Site) ?? throw new InvalidOperationException($"Site {entry.Site} is not configured.");
        if (entry.Status == BatchStatus.NotStored && entry.Decision is { } recordedDecision && entry.Validation is { } recordedCounts)
        {
            // A previous attempt finished validating a batch that stores nothing and let go of
            // its bytes: report the same outcome again.
            return new ValidatedBatch(recordedDecision, false, 0, recordedCounts);
        }

        var source = await LocateAsync(intakeName, contentName, cancellationToken);
        var sourceName = source == CentralArea.Intake ? intakeName : contentName;
        // A previous attempt that quarantined the batch and recorded its counts: report the same
        // outcome again. Bytes in quarantine without recorded counts (an attempt stopped between
        // the copy and the ledger update) are validated again from there, so the counts are real.
        if (source == CentralArea.Quarantine && entry.Validation is { } recorded)
        {
            return new ValidatedBatch(BatchDecision.Quarantined, false, 0, recorded);
        }

        if (!BatchFormats.TryFromFileName(entry.FileName, out var format))
        {
            throw new InvalidOperationException($"Batch {entry.BatchKey} has an unsupported file name; the starter should have refused it.");
        }

        var context = new BatchValidationContext
        {
            SiteCode = site.Code,
            StudyIdPattern = BatchValidationContext.CompileStudyIdPattern(site.StudyIdPattern),
            ReceivedOn = DateOnly.FromDateTime(step.At.UtcDateTime),
            RowPolicy = policies.Settings.InvalidRowPolicy,
            KnownPatients = await KnownPatientsAsync(site.Code, cancellationToken),
            Scanner = policies.Scanner,
            DatePolicy = policies.Settings.DatePolicy,
            EarliestPlausibleDate = policies.Settings.EarliestPlausibleDate,
            SpillStreamFactory = TemporarySpillFile.Create,
            FollowUpProtocol = policies.Protocol,
            Redcap = policies.Settings.Redcap,
        };
        var validator = new BatchValidator(context);
        var description = new BatchDescription(site.Code, entry.BatchId, entry.FileName, format, context.Dictionary.Version, context.ReceivedOn)
        {
            ContentSha256 = entry.Sha256,
        };

        var outcome = await ValidateAndReportAsync(validator, source, sourceName, format, description, entry.BatchKey, cancellationToken);
        var summary = outcome.Summary;
        var counts = new ValidationCounts(summary.Records, summary.Accepted, summary.Rejected, summary.Errors, summary.Warnings, summary.IdentifierFindings);
        var decision = summary.Decision;
        var decisionCode = ReportText.Decision(decision);
        if (source == CentralArea.Quarantine && decision != BatchDecision.Quarantined)
        {
            throw new InvalidOperationException($"Batch {entry.BatchKey} was quarantined by an earlier attempt but now validates as {decisionCode}; it stays quarantined until an operator reviews it.");
        }

        if (decision == BatchDecision.Quarantined)
        {
            if (source != CentralArea.Quarantine)
            {
                await central.CopyAsync(source, sourceName, CentralArea.Quarantine, contentName, cancellationToken);
            }

            await LedgerUpdates.AdvanceAsync(ledger, entry, BatchStatus.Quarantined, step.At,
                string.Create(CultureInfo.InvariantCulture, $"{summary.IdentifierFindings} identifier finding(s); nothing stored"),
                e => e with { Decision = decision, Validation = counts, DictionaryVersion = context.Dictionary.Version }, cancellationToken);
            await audit.AppendAsync(
                new AuditEntry(step.At, "registry", "quarantine", entry.BatchKey, decisionCode, string.Create(CultureInfo.InvariantCulture, $"{summary.IdentifierFindings} identifier finding(s)")),
                "quarantine|" + entry.Site + "|" + entry.BatchKey,
                cancellationToken);
            await central.DeleteIfExistsAsync(CentralArea.Intake, intakeName, cancellationToken);
            return new ValidatedBatch(decision, false, 0, counts);
        }

        // Only a batch whose records are stored is kept in the immutable raw area. A held or
        // rejected batch stores nothing, and its content was only partly understood (an unknown
        // column is scanned loosely, a broken row cannot be trusted): an identifier the gate
        // missed there must never become undeletable, so its bytes leave the registry with the
        // intake copy below. The ledger keeps its hash and counts, the site its report and file.
        if (source == CentralArea.Intake && outcome.StoresRecords)
        {
            await central.CopyAsync(CentralArea.Intake, intakeName, CentralArea.Raw, contentName, cancellationToken);
        }

        entry = await LedgerUpdates.AdvanceAsync(ledger, entry, BatchStatus.Validated, step.At,
            string.Create(CultureInfo.InvariantCulture, $"{decisionCode}: {summary.Accepted} of {summary.Records} records accepted, {summary.Errors} errors, {summary.Warnings} warnings"),
            e => e with { Decision = decision, Validation = counts, DictionaryVersion = context.Dictionary.Version }, cancellationToken);
        await audit.AppendAsync(
            new AuditEntry(step.At, "registry", "validate", entry.BatchKey, decisionCode, string.Create(CultureInfo.InvariantCulture, $"{summary.Accepted}/{summary.Records} accepted")),
            "validate|" + entry.Site + "|" + entry.BatchKey,
            cancellationToken);

        var chunks = 0;
        if (outcome.StoresRecords)
        {
            chunks = await StageAsync(validator, outcome, contentName, format, entry, cancellationToken);
        }
        else
        {
            await LedgerUpdates.AdvanceAsync(ledger, entry, BatchStatus.NotStored, step.At, ReportText.Explain(summary), null, cancellationToken);
        }

        await central.DeleteIfExistsAsync(CentralArea.Intake, intakeName, cancellationToken);
        return new ValidatedBatch(decision, outcome.StoresRecords, chunks, counts);
    }

    private async Task<CentralArea> LocateAsync(string intakeName, string contentName, CancellationToken cancellationToken)
    {
        if (await central.ExistsAsync(CentralArea.Intake, intakeName, cancellationToken))
        {
            return CentralArea.Intake;
        }

        foreach (var area in new[] { CentralArea.Raw, CentralArea.Quarantine })
        {
            if (await central.ExistsAsync(area, contentName, cancellationToken))
            {
                return area;
            }
        }

        throw new BlobNotFoundException($"The received bytes {contentName} are in none of the central areas.");
    }

    private async Task<IKnownPatients> KnownPatientsAsync(string site, CancellationToken cancellationToken)
    {
        var snapshot = await records.LoadKnownPatientsAsync(site, cancellationToken);
        if (policies.Settings.DatePolicy != Domain.Deidentification.DatePolicy.SafeHarbor)
        {
            return snapshot;
        }

        // Under SafeHarbor the research tables hold only the index year; the site's own index
        // date lives in its schedule, and is what date checks and day conversions need.
        var indexDates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        await foreach (var visit in schedule.ListSiteAsync(site, cancellationToken))
        {
            indexDates.TryAdd(visit.StudyId, visit.IndexDate);
        }

        return new IndexDateOverlay(snapshot, indexDates);
    }

    private async Task<BatchValidationOutcome> ValidateAndReportAsync(
        BatchValidator validator,
        CentralArea source,
        string contentName,
        BatchFormat format,
        BatchDescription description,
        string batchKey,
        CancellationToken cancellationToken)
    {
        // The reports are spooled to temporary files: they stream however large the batch.
        var jsonPath = Path.GetTempFileName();
        var csvPath = Path.GetTempFileName();
        try
        {
            BatchValidationOutcome outcome;
            await using (var jsonFile = File.Create(jsonPath))
            await using (var csvFile = new StreamWriter(csvPath, append: false, new UTF8Encoding(false)))
            {
                await using var json = new JsonValidationReportWriter(jsonFile, description);
                var csv = new CsvValidationReportWriter(csvFile);
                await using (var content = await central.OpenReadAsync(source, contentName, cancellationToken))
                {
                    outcome = await validator.ValidateAsync(content, format, new CompositeReportSink(json, csv), cancellationToken);
                }

                await json.CompleteAsync(outcome.Summary, cancellationToken);
            }

            await using (var jsonFile = File.OpenRead(jsonPath))
            {
                await landing.WriteAsync(description.SiteCode, LandingArea.Reports, BatchBlobNames.ValidationReportJson(batchKey), jsonFile, "application/json", cancellationToken);
            }

            await using (var csvFile = File.OpenRead(csvPath))
            {
                await landing.WriteAsync(description.SiteCode, LandingArea.Reports, BatchBlobNames.ValidationReportCsv(batchKey), csvFile, "text/csv; charset=utf-8", cancellationToken);
            }

            return outcome;
        }
        finally
        {
            File.Delete(jsonPath);
            File.Delete(csvPath);
        }
    }

    private async Task<int> StageAsync(BatchValidator validator, BatchValidationOutcome outcome, string contentName, BatchFormat format, BatchLedgerEntry entry, CancellationToken cancellationToken)
    {
        var normaliser = new DatePolicyNormaliser(policies.Settings.DatePolicy, outcome.IndexDateOf);
        var chunk = 0;
        var buffer = new StringBuilder();
        var inChunk = 0;
        await using (var content = await central.OpenReadAsync(CentralArea.Raw, contentName, cancellationToken))
        {
            await foreach (var record in validator.ReadAcceptedAsync(content, format, outcome, cancellationToken))
            {
                buffer.Append(normaliser.Stage(record).ToJsonLine()).Append('\n');
                if (++inChunk == ChunkSize)
                {
                    await WriteChunkAsync(entry, chunk++, buffer, cancellationToken);
                    buffer.Clear();
                    inChunk = 0;
                }
            }
        }

        if (inChunk > 0)
        {
            await WriteChunkAsync(entry, chunk++, buffer, cancellationToken);
        }

        return chunk;
    }

    private async Task WriteChunkAsync(BatchLedgerEntry entry, int chunk, StringBuilder lines, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString()));
        await central.UploadAsync(CentralArea.Staging, BatchBlobNames.Chunk(entry.Site, entry.BatchKey, chunk), stream, overwrite: true, cancellationToken);
    }

    /// <summary>The stored patients with index dates taken from the schedule (SafeHarbor).</summary>
    private sealed class IndexDateOverlay(IKnownPatients inner, IReadOnlyDictionary<string, DateOnly> indexDates) : IKnownPatients
    {
        public bool TryGet(string studyId, out KnownPatient patient)
        {
            if (!inner.TryGet(studyId, out patient))
            {
                return false;
            }

            if (patient.IndexDate is null && indexDates.TryGetValue(studyId, out var date))
            {
                patient = patient with { IndexDate = date };
            }

            return true;
        }
    }
}
