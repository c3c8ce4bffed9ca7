using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Domain.Validation.Reports;

namespace SpineMetsRegistry.Cli.Commands;

/// <summary>
/// <c>spinemets validate FILE --site CODE [--json | --format text|json|csv|redcap] [--input-format auto|csv|jsonl|redcap]</c>:
/// the full validation a batch gets on upload, offline. The file's format comes from its
/// extension, a .csv file being read as a REDCap export when its header is one (as on
/// upload); <c>--input-format redcap</c> (or <c>--format redcap</c>) reads it as a REDCap
/// export whatever its header. Exit code 0 when the batch has no errors, 1 when it has, 2 on
/// usage errors.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "The batch file (.csv, .jsonl or .ndjson)." };
        var site = new Option<string>("--site") { Description = "The site code the batch belongs to, e.g. S03.", Required = true };
        var json = new Option<bool>("--json") { Description = "Write the report as JSON on standard output (same as --format json)." };
        var format = new Option<string>("--format") { Description = "Report format: text (default), json or csv; redcap reads the file as a REDCap records export (same as --input-format redcap) with the text report.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "csv", "redcap");
        var inputFormat = new Option<string>("--input-format") { Description = "How to read the file: auto (default: from the extension; a .csv REDCap export is detected from its header), csv, jsonl or redcap.", DefaultValueFactory = _ => "auto" };
        inputFormat.AcceptOnlyFromAmong("auto", "csv", "jsonl", "redcap");
        var config = new Option<FileInfo?>("--config") { Description = "The registry configuration (default: $SPINEMETS_CONFIG, or infra/registry.json above the current directory)." };
        var asOf = new Option<string?>("--received-on") { Description = "Validate as if received on this day (YYYY-MM-DD; default today)." };

        var command = new Command("validate", "Validate a batch file offline, exactly as the registry will on upload.") { file, site, json, format, inputFormat, config, asOf };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var reportFormat = parseResult.GetValue(format) ?? "text";
            var input = reportFormat == "redcap" ? "redcap" : parseResult.GetValue(inputFormat) ?? "auto";
            return RunAsync(
                console,
                parseResult.GetRequiredValue(file),
                parseResult.GetRequiredValue(site),
                parseResult.GetValue(json) ? "json" : reportFormat == "redcap" ? "text" : reportFormat,
                InputFormat(input, parseResult.GetRequiredValue(file)),
                parseResult.GetValue(config),
                parseResult.GetValue(asOf),
                cancellationToken);
        });
        return command;
    }

    /// <summary>The batch format to read the file as; null when the extension says nothing (reported as unsupported_format).</summary>
    private static BatchFormat? InputFormat(string input, FileInfo file) => input switch
    {
        "csv" => BatchFormat.Csv,
        "jsonl" => BatchFormat.JsonLines,
        "redcap" => BatchFormat.Redcap,
        _ => BatchFormats.TryFromFileName(file.Name, out var fromName) ? fromName : null,
    };

    private static async Task<int> RunAsync(CliConsole console, FileInfo file, string siteCode, string format, BatchFormat? inputFormat, FileInfo? configFile, string? receivedOnText, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await console.Error.WriteLineAsync($"File not found: {file.FullName}");
            return SpineMetsCommandLine.UsageError;
        }

        var receivedOn = DateOnly.FromDateTime(DateTime.Today);
        if (receivedOnText is not null && !DateOnly.TryParseExact(receivedOnText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out receivedOn))
        {
            await console.Error.WriteLineAsync("--received-on must be a date written YYYY-MM-DD.");
            return SpineMetsCommandLine.UsageError;
        }

        var context = await BuildContextAsync(console, siteCode, configFile, receivedOn);
        if (context is null)
        {
            return SpineMetsCommandLine.UsageError;
        }

        var description = new BatchDescription(
            context.SiteCode,
            Path.GetFileNameWithoutExtension(file.Name),
            file.Name,
            inputFormat ?? BatchFormat.Csv,
            context.Dictionary.Version,
            receivedOn)
        {
            ContentSha256 = await HashAsync(file, cancellationToken),
        };

        var batch = new BatchFile(file, inputFormat);
        return format switch
        {
            "json" => await RunJsonAsync(console, batch, description, context, cancellationToken),
            "csv" => await RunCsvAsync(console, batch, description, context, cancellationToken),
            _ => await RunTextAsync(console, batch, description, context, cancellationToken),
        };
    }

    internal static async Task<BatchValidationContext?> BuildContextAsync(CliConsole console, string siteCode, FileInfo? configFile, DateOnly receivedOn)
    {
        var loaded = RegistryConfigurationLocator.Load(configFile);
        if (loaded is null)
        {
            await console.Error.WriteLineAsync($"Note: no registry configuration found (--config or ${RegistryConfigurationLocator.EnvironmentVariable}); the site's study ID pattern is not checked.");
            return new BatchValidationContext { SiteCode = siteCode.ToUpperInvariant(), ReceivedOn = receivedOn, SpillStreamFactory = TemporarySpill, FollowUpProtocol = new FollowUpProtocol() };
        }

        if (!loaded.IsSuccess)
        {
            await console.Error.WriteLineAsync("The registry configuration is invalid:");
            foreach (var error in loaded.Errors)
            {
                await console.Error.WriteLineAsync("  " + error);
            }

            return null;
        }

        var configuration = loaded.Value;
        var site = configuration.FindSite(siteCode);
        if (site is null)
        {
            await console.Error.WriteLineAsync($"Unknown site '{siteCode}'. Sites: {string.Join(", ", configuration.Sites.Select(s => s.Code))}.");
            return null;
        }

        var policies = RegistryPolicies.Create(configuration).Value!;
        return new BatchValidationContext
        {
            SiteCode = site.Code,
            StudyIdPattern = BatchValidationContext.CompileStudyIdPattern(site.StudyIdPattern),
            ReceivedOn = receivedOn,
            RowPolicy = configuration.Settings.InvalidRowPolicy,
            Scanner = policies.Scanner,
            DatePolicy = configuration.Settings.DatePolicy,
            EarliestPlausibleDate = configuration.Settings.EarliestPlausibleDate,
            FollowUpProtocol = configuration.Settings.FollowUp,
            SpillStreamFactory = TemporarySpill,
            Redcap = configuration.Settings.Redcap,
        };
    }

    /// <summary>Checks across rows of very large batches spill to temporary files deleted on close.</summary>
    private static FileStream TemporarySpill() =>
        new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    internal static async Task<string> HashAsync(FileInfo file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenRead();
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    internal static async Task<BatchValidationOutcome?> ValidateAsync(BatchFile batch, BatchDescription description, BatchValidationContext context, IValidationReportSink sink, CancellationToken cancellationToken)
    {
        if (batch.Format is not { } format)
        {
            return null;
        }

        await using var stream = batch.File.OpenRead();
        return await new BatchValidator(context).ValidateAsync(stream, format, sink, cancellationToken);
    }

    private static ValidationProblem UnsupportedFormat() => ValidationProblem.Structural(0, null, ProblemCodes.UnsupportedFormat,
        "The file name must end in .csv (CSV with a header row, or a REDCap raw records export) or .jsonl/.ndjson (JSON Lines), or name the format with --input-format csv|jsonl|redcap.");

    private static BatchValidationSummary UnsupportedSummary(BatchValidationContext context) => new()
    {
        Records = 0,
        Accepted = 0,
        Rejected = 0,
        RecordsWithErrors = 0,
        RecordsWithWarnings = 0,
        Errors = 1,
        Warnings = 0,
        HasStructuralProblems = true,
        Decision = BatchDecision.Held,
        Policy = context.RowPolicy,
        AcceptedByRecordType = new Dictionary<string, int>(),
        ProblemsByCode = new Dictionary<string, int> { [ProblemCodes.UnsupportedFormat] = 1 },
        CrossBatchChecksRan = false,
    };

    private static async Task<int> RunJsonAsync(CliConsole console, BatchFile file, BatchDescription description, BatchValidationContext context, CancellationToken cancellationToken)
    {
        await using var output = new TextWriterStream(console.Output);
        await using var report = new JsonValidationReportWriter(output, description);
        var outcome = await ValidateAsync(file, description, context, report, cancellationToken);
        if (outcome is null)
        {
            await report.AddAsync(UnsupportedFormat(), cancellationToken);
        }

        var summary = outcome?.Summary ?? UnsupportedSummary(context);
        await report.CompleteAsync(summary, cancellationToken);
        await console.Output.WriteLineAsync();
        return ExitCode(summary);
    }

    private static async Task<int> RunCsvAsync(CliConsole console, BatchFile file, BatchDescription description, BatchValidationContext context, CancellationToken cancellationToken)
    {
        var report = new CsvValidationReportWriter(console.Output);
        var outcome = await ValidateAsync(file, description, context, report, cancellationToken);
        if (outcome is null)
        {
            await report.AddAsync(UnsupportedFormat(), cancellationToken);
        }

        return ExitCode(outcome?.Summary ?? UnsupportedSummary(context));
    }

    private static async Task<int> RunTextAsync(CliConsole console, BatchFile file, BatchDescription description, BatchValidationContext context, CancellationToken cancellationToken)
    {
        var report = new TextValidationReportWriter(console.Output, description);
        var outcome = await ValidateAsync(file, description, context, report, cancellationToken);
        if (outcome is null)
        {
            await report.AddAsync(UnsupportedFormat(), cancellationToken);
        }

        var summary = outcome?.Summary ?? UnsupportedSummary(context);
        await report.CompleteAsync(summary, cancellationToken);
        return ExitCode(summary);
    }

    private static int ExitCode(BatchValidationSummary summary) => summary.IsClean ? SpineMetsCommandLine.Success : SpineMetsCommandLine.ProblemsFound;

    /// <summary>The file to validate and how to read it (null: the extension names no format).</summary>
    internal sealed record BatchFile(FileInfo File, BatchFormat? Format);
}
