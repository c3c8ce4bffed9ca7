using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SpineMetsRegistry.Cli.Registry;

namespace SpineMetsRegistry.Cli.Commands;

/// <summary>
/// <c>spinemets report BATCH [--format text|csv|json|receipt] [--site CODE]</c>: the validation
/// report the registry stored for a batch (or, with <c>receipt</c>, the receipt of what it
/// stored). Exit 0 when the report has no errors, 1 when it has, 2 usage, 3 connection or permission.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var batch = new Argument<string>("batch") { Description = "A batch ID, file name or batch key (spinemets status lists them)." };
        var format = new Option<string>("--format") { Description = "text (default), csv, json, or receipt (the receipt of what was stored, JSON).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "csv", "json", "receipt");
        var connection = RegistryConnection.CreateOptions();
        var command = new Command("report", "Show the registry's validation report of a batch.") { batch, format };
        RegistryConnection.AddTo(command, connection);
        command.SetAction((parse, cancellationToken) => RunAsync(console, parse, connection, parse.GetRequiredValue(batch), parse.GetValue(format) ?? "text", cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parse, RegistryConnection.Options options, string batch, string format, CancellationToken cancellationToken)
    {
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

        var key = await BatchLookup.FindKeyAsync(client, site, batch, cancellationToken);
        if (key.Failure is not null)
        {
            return await key.Failure.ReportAsync(console);
        }

        var basePath = $"api/sites/{Uri.EscapeDataString(site)}/batches/{Uri.EscapeDataString(key.Value!)}/reports/";
        var notYet = $"Batch {batch} has no validation report yet (it is still being processed; see spinemets status {batch})";
        var json = await client.GetTextAsync(basePath + "validation.json", site, "read the reports", notYet, cancellationToken);
        if (json.Failure is not null)
        {
            return await json.Failure.ReportAsync(console);
        }

        using var report = JsonDocument.Parse(json.Value!);
        var summary = report.RootElement.GetProperty("summary");
        var exit = summary.GetProperty("errors").GetInt32() > 0 ? SpineMetsCommandLine.ProblemsFound : SpineMetsCommandLine.Success;
        switch (format)
        {
            case "json":
                await console.Output.WriteLineAsync(json.Value!.TrimEnd());
                break;
            case "receipt":
                var receipt = await client.GetTextAsync(basePath + "receipt.json", site, "read the reports", $"Batch {batch} has no receipt yet (it is written when the batch completes; see spinemets status {batch})", cancellationToken);
                if (receipt.Failure is not null)
                {
                    return await receipt.Failure.ReportAsync(console);
                }

                await console.Output.WriteLineAsync(receipt.Value!.TrimEnd());
                break;
            case "csv":
                var csv = await client.GetTextAsync(basePath + "validation.csv", site, "read the reports", notYet, cancellationToken);
                if (csv.Failure is not null)
                {
                    return await csv.Failure.ReportAsync(console);
                }

                await console.Output.WriteAsync(csv.Value);
                break;
            default:
                await WriteTextAsync(console.Output, report.RootElement);
                break;
        }

        return exit;
    }

    private static async Task WriteTextAsync(TextWriter output, JsonElement report)
    {
        var batch = report.GetProperty("batch");
        var s = report.GetProperty("summary");
        await output.WriteLineAsync($"Validation report: batch {BatchLookup.Text(batch, "batchId")} of site {BatchLookup.Text(batch, "site")} ({BatchLookup.Text(batch, "fileName")}), received {BatchLookup.Text(batch, "receivedOn")}, dictionary {BatchLookup.Text(batch, "dictionaryVersion")}");
        await output.WriteLineAsync($"Decision: {BatchLookup.Text(s, "decision")}. {BatchLookup.Text(s, "explanation")}");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Records: {s.GetProperty("records").GetInt32()} ({s.GetProperty("accepted").GetInt32()} accepted, {s.GetProperty("rejected").GetInt32()} rejected); {s.GetProperty("errors").GetInt32()} errors, {s.GetProperty("warnings").GetInt32()} warnings."));
        var problems = report.GetProperty("problems");
        if (problems.GetArrayLength() == 0)
        {
            return;
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"{"row",5}  {"severity",-8} {"field",-24} {"code",-28} message");
        foreach (var p in problems.EnumerateArray())
        {
            var masked = p.TryGetProperty("maskedValue", out var value) && value.ValueKind == JsonValueKind.String ? $" [{value.GetString()}]" : string.Empty;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{p.GetProperty("row").GetInt32(),5}  {BatchLookup.Text(p, "severity"),-8} {BatchLookup.Text(p, "field"),-24} {BatchLookup.Text(p, "code"),-28} {BatchLookup.Text(p, "message")}{masked}"));
        }
    }
}
