using System.CommandLine;

namespace SpineMetsRegistry.Cli.Registry;

/// <summary>
/// The registry, sign-in and site a client command uses: the command line's options first,
/// then the environment (<c>SPINEMETS_API</c>, <c>SPINEMETS_API_KEY</c>), then the stored login.
/// </summary>
internal static class RegistryConnection
{
    public const string ApiVariable = "SPINEMETS_API";
    public const string KeyVariable = "SPINEMETS_API_KEY";
    public const string DefaultApi = "http://127.0.0.1:5080";

    /// <summary>The options every client command takes.</summary>
    internal sealed record Options(Option<string?> Registry, Option<string?> Key, Option<string?> Site);

    public static Options CreateOptions(bool siteRequired = false) => new(
        new Option<string?>("--registry", "--api") { Description = $"The registry's address (default: the stored login, ${ApiVariable}, else {DefaultApi})." },
        new Option<string?>("--key") { Description = $"A site key for this command only (default: the stored login, ${KeyVariable})." },
        new Option<string?>("--site") { Description = "The site code, e.g. S01 (default: the site of the stored login).", Required = siteRequired });

    public static void AddTo(Command command, Options options)
    {
        command.Options.Add(options.Registry);
        command.Options.Add(options.Key);
        command.Options.Add(options.Site);
    }

    /// <summary>A client for the command, or why there is none.</summary>
    public static RegistryResult<Connected> Resolve(CliConsole console, ParseResult parse, Options options)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var login = console.Credentials.Load();
        var registryText = parse.GetValue(options.Registry) ?? Environment.GetEnvironmentVariable(ApiVariable);
        var key = parse.GetValue(options.Key) ?? Environment.GetEnvironmentVariable(KeyVariable);

        if (registryText is not null && (!Uri.TryCreate(registryText, UriKind.Absolute, out var given) || given.Scheme is not ("http" or "https")))
        {
            return RegistryFailure.Usage($"--registry must be an http(s) address, e.g. {DefaultApi}.");
        }

        var sameRegistry = login is not null && (registryText is null || SameAddress(registryText, login.Registry));
        SignIn? signIn = key is { Length: > 0 } ? new KeySignIn(key) : null;
        if (signIn is null && sameRegistry)
        {
            signIn = login!.Method == StoredLogin.EntraMethod ? new EntraSignIn(login, console.Error) : login.Key is { Length: > 0 } stored ? new KeySignIn(stored) : null;
        }

        if (signIn is null)
        {
            return RegistryFailure.Usage(
                $"Not signed in{(registryText is null ? string.Empty : " to " + registryText)}: sign in once with spinemets login --registry URL --key KEY, or give --key KEY or ${KeyVariable} (the local registry prints each site's key at start-up).");
        }

        var registry = new Uri(registryText ?? login?.Registry ?? DefaultApi);
        var site = parse.GetValue(options.Site)?.ToUpperInvariant() ?? (sameRegistry ? login!.Site : null);
        return new RegistryResult<Connected>(new Connected(new RegistryClient(registry, signIn), site, sameRegistry ? login : null), null);
    }

    private static bool SameAddress(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    /// <summary>A signed-in client and the site it works for (null when neither an option nor the login names one).</summary>
    internal sealed record Connected(RegistryClient Client, string? Site, StoredLogin? Login);
}
