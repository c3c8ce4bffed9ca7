using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SpineMetsRegistry.Cli.Registry;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Domain.Validation.Reports;

namespace SpineMetsRegistry.Cli.Commands;

/// <summary>
/// <c>spinemets upload FILE [--site CODE] [--no-wait]</c>: validates the file offline first
/// and refuses to send one the de-identification gate would quarantine (showing the masked
/// findings); uploads it into the site's own <c>incoming/</c> (through the registry's API
/// locally; straight into the site's container with the site's Entra identity in Azure), with
/// a progress bar for large files; waits for the outcome with a status line (step, chunks
/// stored); prints the decision, the counts and where the report is. Exit 0 accepted, 1
/// validation errors (partially accepted, held, rejected, quarantined, or refused offline),
/// 2 usage, 3 connection or permission.
/// </summary>
internal static class UploadCommand
{
    private const long ProgressBarFrom = 1024 * 1024;

    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "The batch file (.csv, .jsonl or .ndjson); its name (without extension) becomes the batch ID." };
        var noWait = new Option<bool>("--no-wait") { Description = "Return once the upload is stored, without waiting for the outcome." };
        var timeout = new Option<int>("--timeout") { Description = "How long to wait for the outcome, in seconds (default 600).", DefaultValueFactory = _ => 600 };
        var config = new Option<FileInfo?>("--config") { Description = "The registry configuration for the offline check (default: $SPINEMETS_CONFIG, or infra/registry.json above the current directory)." };
        var connection = RegistryConnection.CreateOptions();
        var command = new Command("upload", "Check a batch offline, upload it into the site's incoming area, and wait for the registry's decision.") { file, noWait, timeout, config };
        RegistryConnection.AddTo(command, connection);
        command.SetAction((parse, cancellationToken) => RunAsync(console, parse, connection, parse.GetRequiredValue(file), parse.GetValue(noWait), TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))), parse.GetValue(config), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parse, RegistryConnection.Options options, FileInfo file, bool noWait, TimeSpan timeout, FileInfo? config, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            return await RegistryFailure.Usage($"File not found: {file.FullName}").ReportAsync(console);
        }

        if (!BatchFormats.TryFromFileName(file.Name, out var format))
        {
            return await RegistryFailure.Usage("The file name must end in .csv (CSV with a header row) or .jsonl/.ndjson (JSON Lines).").ReportAsync(console);
        }

        var resolved = RegistryConnection.Resolve(console, parse, options);
        if (resolved.Failure is not null)
        {
            return await resolved.Failure.ReportAsync(console);
        }

        using var client = resolved.Value!.Client;
        if (resolved.Value.Site is not { } site)
        {
            return await RegistryFailure.Usage("Which site? Give --site CODE (this sign-in is not tied to one site).").ReportAsync(console);
        }

        // 1. The same validation and gate the registry runs, before a byte leaves the machine.
        var context = await ValidateCommand.BuildContextAsync(console, site, config, DateOnly.FromDateTime(DateTime.UtcNow));
        if (context is null)
        {
            return SpineMetsCommandLine.UsageError;
        }

        var findings = new IdentifierFindings();
        var offline = await ValidateCommand.ValidateAsync(new ValidateCommand.BatchFile(file, format), new BatchDescription(site, Path.GetFileNameWithoutExtension(file.Name), file.Name, format, "offline", context.ReceivedOn), context, findings, cancellationToken);
        var summary = offline!.Summary;
        if (summary.Decision == BatchDecision.Quarantined)
        {
            await console.Error.WriteLineAsync($"Not sent: the registry's de-identification gate would quarantine {file.Name}: it holds what looks like a personal identifier ({summary.IdentifierFindings} finding(s), values masked):");
            foreach (var finding in findings.Kept)
            {
                await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  row {finding.Row}, {finding.Field ?? "(file)"}: {finding.Code} [{finding.MaskedValue}] {finding.Message}"));
            }

            await console.Error.WriteLineAsync($"Remove the identifiers from the export, check it with: spinemets validate {file.Name} --site {site}, then upload again.");
            return SpineMetsCommandLine.ProblemsFound;
        }

        await console.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Checked offline: {summary.Records} records, {summary.Errors} errors, {summary.Warnings} warnings (expected decision: {ReportText.Decision(summary.Decision)})."));

        // 2. The upload, create-only.
        var sha256 = await ValidateCommand.HashAsync(file, cancellationToken);
        var login = resolved.Value.Login;
        var direct = login is { Method: StoredLogin.EntraMethod, LandingBlobEndpoint: { Length: > 0 } } && client.SignIn.Credential is not null;
        var stored = direct
            ? await UploadToContainerAsync(console, login!.LandingBlobEndpoint!, client, site, file, cancellationToken)
            : await UploadThroughApiAsync(console, client, site, file, cancellationToken);
        if (stored is not null)
        {
            return await stored.ReportAsync(console);
        }

        var batchId = Path.GetFileNameWithoutExtension(file.Name);
        await console.Output.WriteLineAsync($"Uploaded {file.Name} into site-{site.ToLowerInvariant()}/incoming/ (sha256 {sha256[..12]}...).");
        if (noWait)
        {
            await console.Output.WriteLineAsync($"Follow it with: spinemets status {batchId}; its report: spinemets report {batchId}");
            return SpineMetsCommandLine.Success;
        }

        // 3. Wait for the outcome, 4. say what it is.
        return await WaitAsync(console, client, site, file.Name, sha256, timeout, cancellationToken);
    }

    private static async Task<RegistryFailure?> UploadThroughApiAsync(CliConsole console, RegistryClient client, string site, FileInfo file, CancellationToken cancellationToken)
    {
        await using var content = file.OpenRead();
        using var progress = new ProgressBar(console.Error, file.Name, file.Length, file.Length >= ProgressBarFrom);
        var response = await client.SendAsync(
            () =>
            {
                var body = new StreamContent(new ProgressStream(content, progress.Report));
                body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "text/csv" : "application/x-ndjson");
                body.Headers.ContentLength = file.Length;
                return new HttpRequestMessage(HttpMethod.Post, $"api/sites/{Uri.EscapeDataString(site)}/uploads?name={Uri.EscapeDataString(file.Name)}") { Content = body };
            },
            site,
            "upload into the container",
            $"Site {site} is not in the registry",
            cancellationToken);
        progress.Finish();
        response.Value?.Dispose();
        return response.Failure;
    }

    private static async Task<RegistryFailure?> UploadToContainerAsync(CliConsole console, string endpoint, RegistryClient client, string site, FileInfo file, CancellationToken cancellationToken)
    {
        var blob = new BlobClient(new Uri($"{endpoint}/site-{site.ToLowerInvariant()}/incoming/{Uri.EscapeDataString(file.Name)}"), client.SignIn.Credential);
        using var progress = new ProgressBar(console.Error, file.Name, file.Length, file.Length >= ProgressBarFrom);
        try
        {
            await using var content = file.OpenRead();
            await blob.UploadAsync(content, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                ProgressHandler = new Progress<long>(progress.Report),
            }, cancellationToken);
            return null;
        }
        catch (RequestFailedException failed) when (failed.Status == 409)
        {
            return RegistryFailure.Exists($"incoming/{file.Name} of site {site} is already waiting to be processed");
        }
        catch (RequestFailedException failed) when (failed.Status == 403)
        {
            return RegistryFailure.Forbidden(site, "upload into the container");
        }
        catch (RequestFailedException failed)
        {
            return RegistryFailure.Refused(failed.Status, failed.ErrorCode);
        }
        finally
        {
            progress.Finish();
        }
    }

    private static async Task<int> WaitAsync(CliConsole console, RegistryClient client, string site, string fileName, string sha256, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var shown = string.Empty;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var list = await BatchLookup.ListAsync(client, site, cancellationToken);
            if (list.Failure is not null)
            {
                return await list.Failure.ReportAsync(console);
            }

            using var document = list.Value!;
            var batch = document.RootElement.GetProperty("batches").EnumerateArray()
                .FirstOrDefault(b => BatchLookup.Text(b, "fileName") == fileName && BatchLookup.Text(b, "sha256") == sha256);
            if (batch.ValueKind == JsonValueKind.Object)
            {
                var status = BatchLookup.Text(batch, "status");
                var line = $"Processing: {status}{(BatchText.Progress(batch) is { Length: > 0 } progress ? " (" + progress + ")" : string.Empty)}";
                if (line != shown)
                {
                    await console.Error.WriteLineAsync(line);
                    shown = line;
                }

                if (BatchText.IsFinished(status))
                {
                    return await OutcomeAsync(console, site, batch);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"No outcome within {timeout.TotalSeconds:0} s; the upload is stored and the registry will process it. Follow it with: spinemets status {Path.GetFileNameWithoutExtension(fileName)}"));
        return SpineMetsCommandLine.Unavailable;
    }

    private static async Task<int> OutcomeAsync(CliConsole console, string site, JsonElement batch)
    {
        var batchId = BatchLookup.Text(batch, "batchId");
        var key = BatchLookup.Text(batch, "batchKey");
        if (BatchLookup.Text(batch, "status") == "Failed")
        {
            await console.Error.WriteLineAsync($"The registry could not process batch {batchId}: {BatchLookup.Text(batch, "failureReason")}. Nothing of it is half stored; ask the registry's operator, and see spinemets status {batchId}.");
            return SpineMetsCommandLine.Unavailable;
        }

        var decision = BatchLookup.Text(batch, "decision");
        await console.Output.WriteLineAsync(
            $"Decision: {decision}. Records {BatchText.Number(batch, "validation", "records")}: {BatchText.Number(batch, "validation", "accepted")} accepted, {BatchText.Number(batch, "validation", "rejected")} rejected; stored {BatchText.Number(batch, "stored", "inserted")} new, {BatchText.Number(batch, "stored", "updated")} corrected.");
        await console.Output.WriteLineAsync($"Full report: spinemets report {batchId} [--format text|csv|json]   (API: /api/sites/{site}/batches/{key}/reports/validation.json)");
        await console.Output.WriteLineAsync($"Receipt:     spinemets report {batchId} --format receipt   (API: /api/sites/{site}/batches/{key}/reports/receipt.json)");
        return decision == "accepted" ? SpineMetsCommandLine.Success : SpineMetsCommandLine.ProblemsFound;
    }

    /// <summary>Keeps the identifier findings (masked) to show when the file is refused; counts are in the summary.</summary>
    private sealed class IdentifierFindings : IValidationReportSink
    {
        public List<ValidationProblem> Kept { get; } = [];

        public ValueTask AddAsync(ValidationProblem problem, CancellationToken cancellationToken = default)
        {
            if (problem.IsIdentifier && Kept.Count < 50)
            {
                Kept.Add(problem);
            }

            return ValueTask.CompletedTask;
        }
    }
}
