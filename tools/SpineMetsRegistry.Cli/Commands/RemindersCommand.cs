using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.Cli.Commands;

/// <summary>
/// <c>spinemets reminders --site S01 [--date YYYY-MM-DD] [--json] [--api URL] [--key KEY]</c>:
/// the site's current follow-up reminders (visits upcoming, due, overdue or missed), read
/// from the registry's HTTP API (<c>GET /api/sites/{site}/reminders</c>) with the site's key.
/// Exit code 0 on success, 2 on usage errors, 3 when the registry cannot be reached or
/// refuses the request.
/// </summary>
internal static class RemindersCommand
{
    public const string ApiVariable = "SPINEMETS_API";
    public const string KeyVariable = "SPINEMETS_API_KEY";
    public const string DefaultApi = "http://127.0.0.1:5080";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static Command Create(CliConsole console)
    {
        var site = new Option<string>("--site") { Description = "The site code, e.g. S01.", Required = true };
        var date = new Option<string?>("--date") { Description = "Reminders as of this day (YYYY-MM-DD; default today, UTC)." };
        var json = new Option<bool>("--json") { Description = "Print the reminders as JSON (the API's digest form)." };
        var api = new Option<string?>("--api") { Description = $"The registry API's base address (default ${ApiVariable}, else {DefaultApi}, the local registry)." };
        var key = new Option<string?>("--key") { Description = $"The site's API key (default ${KeyVariable}); the local registry prints the keys at start-up." };

        var command = new Command("reminders", "Show a site's current follow-up reminders: visits upcoming, due, overdue or missed.") { site, date, json, api, key };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            parseResult.GetRequiredValue(site).ToUpperInvariant(),
            parseResult.GetValue(date),
            parseResult.GetValue(json),
            parseResult.GetValue(api) ?? Environment.GetEnvironmentVariable(ApiVariable) ?? DefaultApi,
            parseResult.GetValue(key) ?? Environment.GetEnvironmentVariable(KeyVariable),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string site, string? date, bool asJson, string api, string? key, CancellationToken cancellationToken)
    {
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            await console.Error.WriteLineAsync("--date must be a date written YYYY-MM-DD.");
            return SpineMetsCommandLine.UsageError;
        }

        if (!Uri.TryCreate(api, UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
        {
            await console.Error.WriteLineAsync($"--api must be an http(s) address, e.g. {DefaultApi}.");
            return SpineMetsCommandLine.UsageError;
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            await console.Error.WriteLineAsync($"An API key is needed: --key KEY or ${KeyVariable} (the local registry prints each site's key at start-up).");
            return SpineMetsCommandLine.UsageError;
        }

        var path = $"api/sites/{Uri.EscapeDataString(site)}/reminders" + (date is null ? string.Empty : "?asOf=" + date);
        var address = new Uri(new Uri(baseAddress.AbsoluteUri.TrimEnd('/') + "/"), path);
        using var client = new HttpClient { Timeout = Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key.Trim());

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException failed) when (failed.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } || failed.HttpRequestError == HttpRequestError.ConnectionError)
        {
            await console.Error.WriteLineAsync($"Cannot reach the registry API at {baseAddress}: connection refused. Is the registry running (dotnet run --project functions/SpineMetsRegistry.LocalHost) and is --api right?");
            return SpineMetsCommandLine.Unavailable;
        }
        catch (HttpRequestException failed)
        {
            await console.Error.WriteLineAsync($"Cannot reach the registry API at {baseAddress}: {failed.Message}");
            return SpineMetsCommandLine.Unavailable;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"The registry API at {baseAddress} did not answer within {Timeout.TotalSeconds:0} s.");
            return SpineMetsCommandLine.Unavailable;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                await console.Error.WriteLineAsync(Refusal(response.StatusCode, site, ErrorMessage(body)));
                return SpineMetsCommandLine.Unavailable;
            }

            ReminderDigest digest;
            try
            {
                digest = ReminderDigestFormats.FromJson(System.Text.Encoding.UTF8.GetBytes(body));
            }
            catch (JsonException)
            {
                await console.Error.WriteLineAsync($"The registry API at {baseAddress} answered with something that is not a reminder list; is --api the registry?");
                return SpineMetsCommandLine.Unavailable;
            }

            if (asJson)
            {
                await console.Output.WriteLineAsync(body.TrimEnd());
            }
            else
            {
                await ReminderTable.WriteAsync(console.Output, digest);
            }

            return SpineMetsCommandLine.Success;
        }
    }

    private static string Refusal(HttpStatusCode status, string site, string? message) => status switch
    {
        HttpStatusCode.Unauthorized => "The registry did not accept the key (401 unauthenticated): check --key; the local registry prints each site's key at start-up.",
        HttpStatusCode.Forbidden => $"The key is not allowed to read site {site}'s reminders (403 forbidden): use {site}'s own key.",
        HttpStatusCode.NotFound => $"Not found (404): {message ?? "the address is not a registry API"}.",
        _ => $"The registry refused the request ({(int)status} {status}){(message is null ? "." : ": " + message)}",
    };

    private static string? ErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var message) ? message.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
