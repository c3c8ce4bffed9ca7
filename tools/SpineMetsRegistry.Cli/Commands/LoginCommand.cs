using System.CommandLine;
using System.Text.Json;
using SpineMetsRegistry.Cli.Registry;

namespace SpineMetsRegistry.Cli.Commands;

/// <summary>
/// <c>spinemets login --registry URL [--key KEY] [--site CODE]</c> (a local registry), or
/// <c>spinemets login --registry URL --entra --app-id-uri URI [--tenant ID] [--device-code]
/// [--landing URL]</c> (a registry in Azure): checks the sign-in against <c>GET /api/me</c>
/// and stores it in the user's configuration folder, readable by the owner only. Without
/// <c>--key</c> the key is read from standard input, so it stays out of the shell history.
/// </summary>
internal static class LoginCommand
{
    public static Command Create(CliConsole console)
    {
        var registry = new Option<string>("--registry", "--api") { Description = "The registry's address, e.g. http://127.0.0.1:5080.", Required = true };
        var key = new Option<string?>("--key") { Description = "The site's key (the local registry prints it at start-up); read from standard input when left out." };
        var site = new Option<string?>("--site") { Description = "The site to work for, when the sign-in may see several." };
        var entra = new Option<bool>("--entra") { Description = "Sign in with Entra ID (a registry in Azure) instead of a key." };
        var appIdUri = new Option<string?>("--app-id-uri") { Description = "The registry API's application ID URI (Entra; from the registry's operator), e.g. api://spinemets-registry." };
        var tenant = new Option<string?>("--tenant") { Description = "The Entra tenant ID (Entra; default: the credential's own)." };
        var deviceCode = new Option<bool>("--device-code") { Description = "Sign in with a device code in a browser elsewhere (Entra), instead of the Azure CLI or environment credential." };
        var landing = new Option<string?>("--landing") { Description = "The landing storage account's blob endpoint (Entra), e.g. https://spinemetslanding.blob.core.windows.net: uploads go straight into the site's container." };

        var command = new Command("login", "Sign in to a registry once; the other commands use the stored sign-in.") { registry, key, site, entra, appIdUri, tenant, deviceCode, landing };
        command.SetAction((parse, cancellationToken) => RunAsync(console, new StoredLogin
        {
            Registry = parse.GetRequiredValue(registry).TrimEnd('/'),
            Method = parse.GetValue(entra) ? StoredLogin.EntraMethod : StoredLogin.KeyMethod,
            Key = parse.GetValue(key),
            Site = parse.GetValue(site)?.ToUpperInvariant(),
            AppIdUri = parse.GetValue(appIdUri),
            Tenant = parse.GetValue(tenant),
            DeviceCode = parse.GetValue(deviceCode),
            LandingBlobEndpoint = parse.GetValue(landing)?.TrimEnd('/'),
        }, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, StoredLogin login, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(login.Registry, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            return await RegistryFailure.Usage("--registry must be an http(s) address, e.g. http://127.0.0.1:5080.").ReportAsync(console);
        }

        SignIn signIn;
        if (login.Method == StoredLogin.EntraMethod)
        {
            if (!Uri.TryCreate(login.AppIdUri, UriKind.Absolute, out _))
            {
                return await RegistryFailure.Usage("--entra needs --app-id-uri: the registry API's application ID URI, e.g. api://spinemets-registry (ask the registry's operator).").ReportAsync(console);
            }

            if (login.Key is not null)
            {
                return await RegistryFailure.Usage("--entra and --key exclude each other: a registry in Azure signs in with Entra ID, a local one with a key.").ReportAsync(console);
            }

            signIn = new EntraSignIn(login, console.Error);
        }
        else
        {
            var key = login.Key;
            if (string.IsNullOrWhiteSpace(key))
            {
                await console.Error.WriteAsync("The site's key (the local registry prints it at start-up): ");
                key = (await console.Input.ReadLineAsync(cancellationToken))?.Trim();
            }

            if (string.IsNullOrWhiteSpace(key))
            {
                return await RegistryFailure.Usage("No key given: spinemets login --registry URL --key KEY (the local registry prints each site's key at start-up).").ReportAsync(console);
            }

            login = login with { Key = key };
            signIn = new KeySignIn(key);
        }

        using var client = new RegistryClient(address, signIn);
        var me = await client.GetJsonAsync("api/me", login.Site ?? "?", "sign in", "The registry's sign-in check (GET /api/me) does not exist; is the address the registry's", cancellationToken);
        if (me.Failure is not null)
        {
            return await me.Failure.ReportAsync(console);
        }

        using var document = me.Value!;
        var sites = document.RootElement.TryGetProperty("sites", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(s => s.GetProperty("code").GetString()!).ToList()
            : [];
        var roles = document.RootElement.TryGetProperty("roles", out var roleList) ? string.Join(", ", roleList.EnumerateArray().Select(r => r.GetString())) : string.Empty;
        if (login.Site is { } chosen && !sites.Contains(chosen, StringComparer.Ordinal))
        {
            var refused = await RegistryFailure.Forbidden(chosen, "work for the data").ReportAsync(console);
            if (sites.Count > 0)
            {
                await console.Error.WriteLineAsync($"This sign-in may work for: {string.Join(", ", sites)}.");
            }

            return refused;
        }

        login = login with { Site = login.Site ?? (sites.Count == 1 ? sites[0] : null) };
        var store = console.Credentials;
        store.Save(login);
        await console.Output.WriteLineAsync($"Signed in to {login.Registry} as {roles} (stored in {store.FilePath}, readable only by you).");
        await console.Output.WriteLineAsync(login.Site is { } site
            ? $"Site {site}. Next: spinemets upload FILE   (then: spinemets status, spinemets report BATCH)"
            : $"This sign-in sees {sites.Count} sites: give --site CODE to the other commands.");
        return SpineMetsCommandLine.Success;
    }
}
