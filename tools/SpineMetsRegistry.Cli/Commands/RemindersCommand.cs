using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SpineMetsRegistry.Cli.Registry;
using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.Cli.Commands;

/// <summary>
/// <c>spinemets reminders [--site S01] [--date YYYY-MM-DD] [--json] [--registry URL] [--key KEY]</c>:
/// the site's current follow-up reminders (visits upcoming, due, overdue or missed), read
/// from the registry's HTTP API (<c>GET /api/sites/{site}/reminders</c>) with the stored
/// login, or the key given. Exit code 0 on success, 2 on usage errors, 3 when the registry
/// cannot be reached or refuses the request.
/// </summary>
internal static class RemindersCommand
{
    public static Command Create(CliConsole console)
    {
        var date = new Option<string?>("--date") { Description = "Reminders as of this day (YYYY-MM-DD; default today, UTC)." };
        var json = new Option<bool>("--json") { Description = "Print the reminders as JSON (the API's digest form)." };
        var connection = RegistryConnection.CreateOptions();

        var command = new Command("reminders", "Show a site's current follow-up reminders: visits upcoming, due, overdue or missed.") { date, json };
        RegistryConnection.AddTo(command, connection);
        command.SetAction((parse, cancellationToken) => RunAsync(console, parse, connection, parse.GetValue(date), parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parse, RegistryConnection.Options options, string? date, bool asJson, CancellationToken cancellationToken)
    {
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return await RegistryFailure.Usage("--date must be a date written YYYY-MM-DD.").ReportAsync(console);
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

        var path = $"api/sites/{Uri.EscapeDataString(site)}/reminders" + (date is null ? string.Empty : "?asOf=" + date);
        var body = await client.GetTextAsync(path, site, "read the reminders", $"Site {site} is not in the registry", cancellationToken);
        if (body.Failure is not null)
        {
            return await body.Failure.ReportAsync(console);
        }

        ReminderDigest digest;
        try
        {
            digest = ReminderDigestFormats.FromJson(System.Text.Encoding.UTF8.GetBytes(body.Value!));
        }
        catch (JsonException)
        {
            return await RegistryFailure.NotARegistry(client.Registry).ReportAsync(console);
        }

        if (asJson)
        {
            await console.Output.WriteLineAsync(body.Value!.TrimEnd());
        }
        else
        {
            await ReminderTable.WriteAsync(console.Output, digest);
        }

        return SpineMetsCommandLine.Success;
    }
}
