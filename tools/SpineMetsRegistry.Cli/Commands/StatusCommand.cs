using System.CommandLine;
using System.Text.Json;
using SpineMetsRegistry.Cli.Registry;

namespace SpineMetsRegistry.Cli.Commands;

/// <summary>
/// <c>spinemets status [BATCH] [--site CODE] [--json]</c>: the site's batches (newest first,
/// with the running step and chunks stored while a batch is processed), or one batch's status
/// history and where its reports are. Exit 0; 2 usage; 3 connection or permission.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliConsole console)
    {
        var batch = new Argument<string?>("batch") { Description = "A batch ID, file name or batch key (default: every batch of the site).", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print the registry's JSON." };
        var connection = RegistryConnection.CreateOptions();
        var command = new Command("status", "Show the site's batches, or one batch's history.") { batch, json };
        RegistryConnection.AddTo(command, connection);
        command.SetAction((parse, cancellationToken) => RunAsync(console, parse, connection, parse.GetValue(batch), parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parse, RegistryConnection.Options options, string? batch, bool asJson, CancellationToken cancellationToken)
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

        if (batch is null)
        {
            var list = await BatchLookup.ListAsync(client, site, cancellationToken);
            if (list.Failure is not null)
            {
                return await list.Failure.ReportAsync(console);
            }

            using var document = list.Value!;
            if (asJson)
            {
                await console.Output.WriteLineAsync(document.RootElement.GetRawText());
                return SpineMetsCommandLine.Success;
            }

            await WriteListAsync(console.Output, site, document.RootElement.GetProperty("batches"));
            return SpineMetsCommandLine.Success;
        }

        var key = await BatchLookup.FindKeyAsync(client, site, batch, cancellationToken);
        if (key.Failure is not null)
        {
            return await key.Failure.ReportAsync(console);
        }

        var one = await client.GetJsonAsync($"api/sites/{Uri.EscapeDataString(site)}/batches/{Uri.EscapeDataString(key.Value!)}", site, "read the batches", $"Batch {batch} of site {site}", cancellationToken);
        if (one.Failure is not null)
        {
            return await one.Failure.ReportAsync(console);
        }

        using (var document = one.Value!)
        {
            if (asJson)
            {
                await console.Output.WriteLineAsync(document.RootElement.GetRawText());
            }
            else
            {
                await WriteOneAsync(console.Output, site, document.RootElement);
            }
        }

        return SpineMetsCommandLine.Success;
    }

    private static async Task WriteListAsync(TextWriter output, string site, JsonElement batches)
    {
        if (batches.GetArrayLength() == 0)
        {
            await output.WriteLineAsync($"Site {site} has no batches yet. Upload one: spinemets upload FILE");
            return;
        }

        await output.WriteLineAsync($"Batches of site {site}, newest first:");
        await output.WriteLineAsync($"{"batch",-32} {"received (UTC)",-16} {"status",-11} {"decision",-19} {"records",7} {"accepted",8} {"rejected",8}  progress");
        foreach (var b in batches.EnumerateArray())
        {
            await output.WriteLineAsync(
                $"{BatchLookup.Text(b, "batchId"),-32} {BatchText.Time(b, "receivedAt"),-16} {BatchLookup.Text(b, "status"),-11} {BatchLookup.Text(b, "decision"),-19} {BatchText.Number(b, "validation", "records"),7} {BatchText.Number(b, "validation", "accepted"),8} {BatchText.Number(b, "validation", "rejected"),8}  {BatchText.Progress(b)}".TrimEnd());
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("One batch's history: spinemets status BATCH; its report: spinemets report BATCH");
    }

    private static async Task WriteOneAsync(TextWriter output, string site, JsonElement document)
    {
        var b = document.GetProperty("batch");
        await output.WriteLineAsync($"Batch {BatchLookup.Text(b, "batchId")} of site {site} ({BatchLookup.Text(b, "fileName")}, key {BatchLookup.Text(b, "batchKey")})");
        await output.WriteLineAsync($"  status    {BatchLookup.Text(b, "status")}{(BatchText.Progress(b) is { Length: > 0 } progress ? " (" + progress + ")" : string.Empty)}");
        await output.WriteLineAsync($"  decision  {BatchLookup.Text(b, "decision")}");
        await output.WriteLineAsync($"  records   {BatchText.Number(b, "validation", "records")} ({BatchText.Number(b, "validation", "accepted")} accepted, {BatchText.Number(b, "validation", "rejected")} rejected); stored {BatchText.Number(b, "stored", "inserted")} new, {BatchText.Number(b, "stored", "updated")} corrected");
        if (BatchLookup.Text(b, "failureReason") is { Length: > 0 } reason)
        {
            await output.WriteLineAsync($"  failure   {reason}");
        }

        await output.WriteLineAsync("History (UTC):");
        foreach (var h in document.GetProperty("history").EnumerateArray())
        {
            await output.WriteLineAsync($"  {BatchText.Time(h, "at"),-16}  {BatchLookup.Text(h, "status"),-11} {BatchLookup.Text(h, "detail")}".TrimEnd());
        }

        await output.WriteLineAsync($"Report: spinemets report {BatchLookup.Text(b, "batchId")} [--format text|csv|json]; receipt: spinemets report {BatchLookup.Text(b, "batchId")} --format receipt ({string.Join(", ", document.GetProperty("reports").EnumerateArray().Select(r => r.GetString()).Where(r => r!.EndsWith("receipt.json", StringComparison.Ordinal)))})");
    }
}
