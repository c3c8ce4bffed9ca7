using System.Globalization;

namespace SpineMetsRegistry.LocalHost.Hosting;

/// <summary>
/// What a person needs once the registry runs, printed last and framed so it stands apart
/// from the log lines above it: the address, the dashboard and mail links, the keys, and the
/// next commands.
/// </summary>
internal static class StartupBanner
{
    public static void Write(TextWriter output, LocalRegistryHost host)
    {
        var keys = host.Credentials;
        var registry = host.BaseAddress.AbsoluteUri.TrimEnd('/');
        var lines = new List<string>
        {
            $"SpineMetsRegistry is running at {registry}",
            string.Empty,
            $"Dashboard (committee)      {host.CommitteeDashboard}",
            $"Dashboard (a site)         {registry}/  and paste the site's key",
            host.MailWebAddress is { } mail ? $"Reminder mails (smtp4dev)  {mail}" : "Reminder mails             off (no mail server)",
            string.Empty,
            "Sign-in keys (kept in .local/credentials.json; send as 'Authorization: Bearer <key>'):",
            $"  committee  {keys.Committee}",
            $"  operator   {keys.Operator}",
        };
        lines.AddRange(keys.Sites.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => string.Create(CultureInfo.InvariantCulture, $"  site {s.Key,-5} {s.Value}")));
        var firstSite = keys.Sites.Keys.Order(StringComparer.Ordinal).FirstOrDefault() ?? "S01";
        lines.AddRange(
        [
            string.Empty,
            "Next, as a site (tools/SpineMetsRegistry.Cli/README.md, \"For sites\"):",
            $"  spinemets login --registry {registry} --key <the site's key>",
            $"  spinemets upload batch.csv --site {firstSite}",
            "  spinemets status",
            string.Empty,
            "Stop with Ctrl+C.",
        ]);

        var rule = new string('=', Math.Min(100, lines.Max(l => l.Length) + 4));
        output.WriteLine();
        output.WriteLine(rule);
        foreach (var line in lines)
        {
            output.WriteLine("  " + line);
        }

        output.WriteLine(rule);
        output.WriteLine();
    }
}
