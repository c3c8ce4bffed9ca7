using System.Globalization;
using SpineMetsRegistry.LocalHost.Demo;
using SpineMetsRegistry.LocalHost.Hosting;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Pipeline.FollowUp.Notifications;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.LocalHost;

/// <summary>
/// <c>dotnet run --project functions/SpineMetsRegistry.LocalHost -- [--demo] [--port N]
/// [--storage CONNECTION] [--sweep-as-of YYYY-MM-DD] [--config FILE] [--no-mail]</c>: the whole
/// registry on one machine. Says what it is doing while it starts, then prints a banner with
/// where it listens, the sign-in keys and what to do next.
/// </summary>
public static class LocalHostCommand
{
    /// <summary>Runs until Ctrl+C; returns a process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        LocalHostSettings settings;
        try
        {
            settings = Parse(args);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            await Console.Error.WriteLineAsync("Usage: SpineMetsRegistry.LocalHost [--demo] [--port N] [--storage CONNECTION-STRING] [--sweep-as-of YYYY-MM-DD] [--config registry.json] [--no-mail]");
            return 2;
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

    internal static LocalHostSettings Parse(string[] args)
    {
        var settings = new LocalHostSettings { LocalMailServer = true };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--demo" => settings with { Demo = true },
                "--no-mail" => settings with { LocalMailServer = false },
                "--port" => settings with { Port = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 ? port : throw new ArgumentException("--port must be a port number.") },
                "--storage" => settings with { StorageConnectionString = Value() },
                "--config" => settings with { RegistryConfigurationFile = Value() },
                "--sweep-as-of" => settings with
                {
                    SweepAsOf = DateOnly.TryParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                        ? day : throw new ArgumentException("--sweep-as-of must be a date written YYYY-MM-DD."),
                },
                _ when args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains('=', StringComparison.Ordinal) => settings, // ASP.NET Core configuration switches
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return settings;
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
                $"{batch.Site,-5} {batch.FileName,-28} {e?.Status.ToString() ?? "pending",-10} {e?.Decision ?? "",-19} {e?.Validation?.Records ?? 0,8} {e?.Validation?.Accepted ?? 0,9} {e?.Validation?.Rejected ?? 0,9} {e?.Stored?.Inserted ?? 0,7}"));
        }

        Console.WriteLine();
    }
}
