using System.Globalization;

namespace SpineMetsRegistry.Cli.Registry;

/// <summary>
/// Why a registry command could not do its job, with the exit code and a message that always
/// says what to do next. Stable <see cref="Code"/>s for scripts and tests.
/// </summary>
/// <param name="Code">Stable code.</param>
/// <param name="ExitCode">The process exit code (2 usage, 3 connection or permission).</param>
/// <param name="Message">What happened and what to do next.</param>
internal sealed record RegistryFailure(string Code, int ExitCode, string Message)
{
    public static RegistryFailure NotSignedIn() => new("not_signed_in", SpineMetsCommandLine.Unavailable,
        "Not signed in to a registry. Sign in first: spinemets login --registry URL --key KEY (the local registry prints each site's key at start-up), or pass --registry and --key.");

    public static RegistryFailure Unreachable(Uri registry, string reason) => new("unreachable", SpineMetsCommandLine.Unavailable,
        $"Cannot reach the registry at {registry}: {reason}. Is it running (locally: dotnet run --project functions/SpineMetsRegistry.LocalHost) and is the address right? To change it: spinemets login --registry URL.");

    public static RegistryFailure TimedOut(Uri registry, TimeSpan timeout) => new("timeout", SpineMetsCommandLine.Unavailable,
        string.Create(CultureInfo.InvariantCulture, $"The registry at {registry} did not answer within {timeout.TotalSeconds:0} s. Try again; if it persists, ask the registry's operator."));

    public static RegistryFailure Unauthenticated(Uri registry) => new("unauthenticated", SpineMetsCommandLine.Unavailable,
        $"The registry at {registry} did not accept your sign-in (401): the key is wrong or has expired. Sign in again: spinemets login --registry {registry.AbsoluteUri.TrimEnd('/')} --key KEY.");

    public static RegistryFailure Forbidden(string site, string what) => new("forbidden", SpineMetsCommandLine.Unavailable,
        $"Your sign-in may not {what} of site {site} (403): a site sees and writes only its own data. Use your own site's code (--site), or sign in with site {site}'s key: spinemets login.");

    public static RegistryFailure TooLarge(string? message) => new("too_large", SpineMetsCommandLine.Unavailable,
        $"The file is too large for one upload (413){(message is null ? "." : ": " + message)} Split the batch into several files and upload each.");

    public static RegistryFailure Exists(string? message) => new("exists", SpineMetsCommandLine.Unavailable,
        $"{message ?? "A file of that name is already waiting in the site's incoming area"} (409). Uploads never overwrite: give the file a new name (e.g. add -v2) and upload again.");

    public static RegistryFailure NotFound(string what) => new("not_found", SpineMetsCommandLine.Unavailable,
        $"{what} (404). List the site's batches with: spinemets status.");

    public static RegistryFailure Refused(int status, string? message) => new("refused", SpineMetsCommandLine.Unavailable,
        string.Create(CultureInfo.InvariantCulture, $"The registry refused the request ({status}){(message is null ? "." : ": " + message)} If this persists, ask the registry's operator."));

    public static RegistryFailure NotARegistry(Uri registry) => new("not_a_registry", SpineMetsCommandLine.Unavailable,
        $"{registry} answered with something that is not the registry's API. Check the address: spinemets login --registry URL.");

    public static RegistryFailure Usage(string message) => new("usage", SpineMetsCommandLine.UsageError, message);

    public static RegistryFailure SignInFailed(string reason) => new("sign_in_failed", SpineMetsCommandLine.Unavailable,
        $"Signing in with Entra ID failed: {reason}. Sign in with the Azure CLI (az login), or use --device-code; the registry's operator gives you the API's app ID URI.");

    /// <summary>Writes the message to the error stream and returns the exit code.</summary>
    public async Task<int> ReportAsync(CliConsole console)
    {
        await console.Error.WriteLineAsync(Message);
        return ExitCode;
    }
}
