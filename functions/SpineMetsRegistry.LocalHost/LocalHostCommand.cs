using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.LocalHost.Demo;
using SpineMetsRegistry.LocalHost.Hosting;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Pipeline.FollowUp.Notifications;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.LocalHost;

/// <summary>
/// <c>dotnet run --project functions/SpineMetsRegistry.LocalHost -- [--demo] [--port N]
/// [--storage CONNECTION] [--sweep-as-of YYYY-MM-DD] [--config FILE] [--state DIR] [--worker]</c>:
/// the whole registry on one machine. Says what it is doing while it starts, then prints a
/// banner with where it listens, the sign-in keys and what to do next (<c>--no-mail</c>: no
/// local mail server for reminder notifications). With
/// <c>--worker</c> (and the <c>--storage</c> of a running registry) it is an extra worker
/// process sharing that registry's task hub: no HTTP, no container watcher, no sweep. The command line
/// is parsed by System.CommandLine (as the <c>spinemets</c> CLI is) into
/// <see cref="LocalHostSettings"/>; ASP.NET Core configuration switches
/// (<c>--Section:Key=value</c>) pass through to the web host.
/// </summary>
public static class LocalHostCommand
{
    /// <summary>Exit code for a command line that could not be understood.</summary>
    public const int UsageError = 2;

    private static readonly Option<bool> Demo = new("--demo") { Description = "Generate synthetic batches for every configured site, upload them, wait for them and print a summary." };

    private static readonly Option<int> Port = new("--port")
    {
        Description = "The HTTP port on 127.0.0.1 (0 picks a free one).",
        DefaultValueFactory = _ => new LocalHostSettings().Port,
        CustomParser = ParsePort,
    };

    private static readonly Option<string?> Storage = new("--storage") { Description = "A storage connection string; without it an embedded Azurite runs with its data under .local/." };

    private static readonly Option<string?> Config = new("--config") { Description = "The registry configuration file (default: registry.json next to the binaries, a copy of infra/registry.json)." };

    private static readonly Option<DateOnly?> SweepAsOf = new("--sweep-as-of")
    {
        Description = "Run one follow-up sweep as of this day (YYYY-MM-DD) at start-up, for testing and demos.",
        CustomParser = ParseDay,
    };

    private static readonly Option<string?> State = new("--state") { Description = "The folder for local state (Azurite data, sign-in keys); default .local/ in the repository." };

    private static readonly Option<bool> NoMail = new("--no-mail") { Description = "Start no local mail server (smtp4dev) for reminder notifications." };

    private static readonly Option<bool> Worker = new("--worker") { Description = "Run as an extra worker process on the task hub of the registry named by --storage: no HTTP, no watcher, no sweep." };

    /// <summary>Runs until Ctrl+C; returns a process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = Parse(args);
        if (parsed.Settings is not { } settings)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error);
            }

            await Console.Error.WriteLineAsync("Usage: SpineMetsRegistry.LocalHost [--demo] [--port N] [--storage CONNECTION-STRING] [--sweep-as-of YYYY-MM-DD] [--config registry.json] [--state DIRECTORY] [--worker] [--no-mail] (--help for details)");
            return UsageError;
        }

        if (parsed.HelpRequested)
        {
            return await BuildRoot().Parse(args).InvokeAsync();
        }

        if (settings.Worker)
        {
            await using var worker = await LocalRegistryHost.StartAsync(settings, args);
            Console.WriteLine($"SpineMetsRegistry worker running on task hub {worker.Engine.HubName} (process {Environment.ProcessId}). Press Ctrl+C to stop.");
            await worker.WaitForShutdownAsync();
            return 0;
        }

        settings = settings with { Progress = Console.WriteLine };
        await using var host = await LocalRegistryHost.StartAsync(settings, args);
        Console.WriteLine($"SpineMetsRegistry is listening at {host.BaseAddress}");

        if (settings.Demo)
        {
            Console.WriteLine("Demo: generating synthetic batches for every site and uploading them...");
            var demo = host.Services.GetRequiredService<DemoRunner>();
            var batches = await demo.RunAsync(TimeSpan.FromMinutes(10));
            PrintDemoSummary(batches);
            if (batches.Any(b => b.Entry?.Status != BatchStatus.Completed))
            {
                await Console.Error.WriteLineAsync("Demo: not every batch completed; see the log above.");
                return 1;
            }
        }

        if (await host.RunStartupSweepAsync() is { } sweep)
        {
            PrintSweep(sweep);
        }

        StartupBanner.Write(Console.Out, host);
        await host.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>The command line as the local host understands it (options and help).</summary>
    internal static RootCommand BuildRoot() => new("SpineMetsRegistry on one machine: Azurite, the ingest workflow, the HTTP API, the dashboard and the daily follow-up sweep.")
    {
        Demo, Port, Storage, Config, SweepAsOf, State, Worker, NoMail,
    };

    /// <summary>
    /// Parses the command line into the host's settings, or every error. Tokens of the form
    /// <c>--name=value</c> that are no option of ours are ASP.NET Core configuration switches
    /// and are left to the web host; any other unknown token is an error.
    /// </summary>
    internal static LocalHostParse Parse(string[] args)
    {
        var root = BuildRoot();
        root.TreatUnmatchedTokensAsErrors = false;
        var result = root.Parse(args);
        var errors = result.Errors.Select(e => e.Message)
            .Concat(result.UnmatchedTokens.Where(t => !IsConfigurationSwitch(t)).Select(t => $"Unknown option {t}."))
            .ToList();
        if (errors.Count > 0)
        {
            return new LocalHostParse(null, errors, HelpRequested: false);
        }

        var settings = new LocalHostSettings
        {
            Demo = result.GetValue(Demo),
            Port = result.GetValue(Port),
            StorageConnectionString = result.GetValue(Storage),
            RegistryConfigurationFile = result.GetValue(Config),
            SweepAsOf = result.GetValue(SweepAsOf),
            StateDirectory = result.GetValue(State),
            Worker = result.GetValue(Worker),
            // The command line starts a local mail server unless told not to; tests start none.
            LocalMailServer = !result.GetValue(NoMail) && !result.GetValue(Worker),
        };
        return new LocalHostParse(settings, [], HelpRequested: result.Action is HelpAction);
    }

    private static bool IsConfigurationSwitch(string token) =>
        token.StartsWith("--", StringComparison.Ordinal) && token.IndexOf('=', StringComparison.Ordinal) > 2;

    private static int ParsePort(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535)
        {
            return port;
        }

        result.AddError("--port must be a port number (0 to 65535; 0 picks a free one).");
        return 0;
    }

    private static DateOnly? ParseDay(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        result.AddError("--sweep-as-of must be a date written YYYY-MM-DD.");
        return null;
    }

    private static void PrintSweep(FollowUpSweepResult sweep)
    {
        Console.WriteLine($"Follow-up sweep as of {sweep.AsOf:yyyy-MM-dd}: {sweep.Summary}");
        foreach (var digest in sweep.Digests)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  site {digest.Site,-5} {digest.Reminders,4} reminders ({digest.NewNotices} new)  site-{digest.Site.ToLowerInvariant()}/{digest.JsonName}, .csv{(digest.Written ? string.Empty : "  (unchanged)")}"));
        }

        foreach (var mail in sweep.Notifications.Where(n => n.Status is not (SiteNotificationStatus.NothingNew or SiteNotificationStatus.AlreadySent)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  site {mail.Site,-5} notification: {mail.Status switch { SiteNotificationStatus.Sent => $"mailed to {mail.Recipients} contact(s)", SiteNotificationStatus.Paused => "paused (registry.json)", SiteNotificationStatus.NoContacts => "no contacts in registry.json", SiteNotificationStatus.NotConfigured => "no mail server", _ => "not sent: " + mail.Detail }}"));
        }

        if (sweep.Compliance is { } compliance)
        {
            Console.WriteLine($"  committee digest as of {compliance.AsOf:yyyy-MM-dd}: sites below the compliance threshold: {(compliance.SitesBelowThreshold.Count == 0 ? "none" : string.Join(", ", compliance.SitesBelowThreshold))}");
        }
    }

    private static void PrintDemoSummary(IReadOnlyList<DemoBatch> batches)
    {
        Console.WriteLine();
        Console.WriteLine($"{"site",-5} {"file",-28} {"status",-10} {"decision",-19} {"records",8} {"accepted",9} {"rejected",9} {"stored",7}");
        foreach (var batch in batches)
        {
            var e = batch.Entry;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{batch.Site,-5} {batch.FileName,-28} {e?.Status.ToString() ?? "pending",-10} {(e?.Decision is { } decision ? BatchDecisionCodes.ToCode(decision) : ""),-19} {e?.Validation?.Records ?? 0,8} {e?.Validation?.Accepted ?? 0,9} {e?.Validation?.Rejected ?? 0,9} {e?.Stored?.Inserted ?? 0,7}"));
        }

        Console.WriteLine();
    }
}

/// <summary>The local host's command line, parsed: the settings, or every error.</summary>
/// <param name="Settings">The settings when the command line is valid.</param>
/// <param name="Errors">What is wrong with it.</param>
/// <param name="HelpRequested">Whether --help was asked for (the help is printed and nothing starts).</param>
internal sealed record LocalHostParse(LocalHostSettings? Settings, IReadOnlyList<string> Errors, bool HelpRequested);
