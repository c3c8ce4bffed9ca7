using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SpineMetsRegistry.Storage.Configuration;

/// <summary>
/// Checks <see cref="RegistryStorageOptions"/> at start-up and names every problem with the
/// configuration key to fix, so a misconfigured deployment fails before it touches storage.
/// </summary>
public sealed partial class RegistryStorageOptionsValidator : IValidateOptions<RegistryStorageOptions>
{
    private const string Section = RegistryStorageOptions.SectionName;

    // Leaves room for the longest logical name ("schedulereviews", "ingest-events-poison") and for the task hub name derived from it.
    private const int MaxPrefixLength = 30;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RegistryStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.UsesConnectionString)
        {
            CheckConnectionStringMode(options, failures);
        }
        else
        {
            CheckServiceUriMode(options, failures);
        }

        CheckNames(options, failures);
        if (options.SdkMaxRetries is < 0 or > 10)
        {
            failures.Add($"{Section}:SdkMaxRetries must be between 0 and 10 (was {options.SdkMaxRetries}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckConnectionStringMode(RegistryStorageOptions options, List<string> failures)
    {
        var uris = new (string Key, Uri? Value)[]
        {
            ("CentralBlobServiceUri", options.CentralBlobServiceUri),
            ("CentralTableServiceUri", options.CentralTableServiceUri),
            ("CentralQueueServiceUri", options.CentralQueueServiceUri),
            ("LandingBlobServiceUri", options.LandingBlobServiceUri),
        };
        foreach (var (key, _) in uris.Where(u => u.Value is not null))
        {
            failures.Add($"{Section}:{key} cannot be combined with {Section}:ConnectionString: use the connection string (one account for everything) or the service URIs, not both.");
        }

        if (options.LandingMode == LandingMode.Account || options.SiteLandingBlobServiceUris.Count > 0)
        {
            failures.Add($"{Section}:LandingMode 'account' (one landing account per site) needs service URIs; with {Section}:ConnectionString the landing containers live in the one account (LandingMode 'container').");
        }

        if (!string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
        {
            failures.Add($"{Section}:ManagedIdentityClientId applies only to service URIs (DefaultAzureCredential), not to {Section}:ConnectionString.");
        }
    }

    private static void CheckServiceUriMode(RegistryStorageOptions options, List<string> failures)
    {
        var hasAnyUri = options.CentralBlobServiceUri is not null || options.CentralTableServiceUri is not null || options.CentralQueueServiceUri is not null;
        if (!hasAnyUri)
        {
            failures.Add($"{Section} needs either ConnectionString (Azurite or a local account) or the service URIs CentralBlobServiceUri, CentralTableServiceUri and CentralQueueServiceUri (Azure, reached with DefaultAzureCredential).");
            return;
        }

        CheckUri("CentralBlobServiceUri", options.CentralBlobServiceUri, required: true, failures);
        CheckUri("CentralTableServiceUri", options.CentralTableServiceUri, required: true, failures);
        CheckUri("CentralQueueServiceUri", options.CentralQueueServiceUri, required: true, failures);
        switch (options.LandingMode)
        {
            case LandingMode.Container:
                CheckUri("LandingBlobServiceUri", options.LandingBlobServiceUri, required: true, failures, " when LandingMode is 'container'");
                if (options.SiteLandingBlobServiceUris.Count > 0)
                {
                    failures.Add($"{Section}:SiteLandingBlobServiceUris is only used when LandingMode is 'account' (LandingMode is 'container').");
                }

                break;
            case LandingMode.Account:
                if (options.LandingBlobServiceUri is not null)
                {
                    failures.Add($"{Section}:LandingBlobServiceUri is only used when LandingMode is 'container'; in 'account' mode give each site's URI under {Section}:SiteLandingBlobServiceUris:<site code>.");
                }

                if (options.SiteLandingBlobServiceUris.Count == 0)
                {
                    failures.Add($"{Section}:SiteLandingBlobServiceUris must give each site's landing blob endpoint (e.g. {Section}:SiteLandingBlobServiceUris:S01) when LandingMode is 'account'.");
                }

                foreach (var (site, uri) in options.SiteLandingBlobServiceUris)
                {
                    CheckUri($"SiteLandingBlobServiceUris:{site}", uri, required: true, failures);
                }

                break;
            default:
                failures.Add($"{Section}:LandingMode must be 'container' or 'account' (was '{options.LandingMode}').");
                break;
        }
    }

    private static void CheckUri(string key, Uri? uri, bool required, List<string> failures, string when = "")
    {
        if (uri is null)
        {
            if (required)
            {
                failures.Add($"{Section}:{key} is required{when} (ConnectionString is not set).");
            }

            return;
        }

        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            failures.Add($"{Section}:{key} must be an absolute https URI (http only for loopback), e.g. https://<account>.blob.core.windows.net (was '{uri}').");
        }
    }

    private static void CheckNames(RegistryStorageOptions options, List<string> failures)
    {
        var tablePrefix = options.TablePrefix ?? string.Empty;
        if (tablePrefix.Length > 0 && !TablePrefixPattern().IsMatch(tablePrefix))
        {
            failures.Add($"{Section}:TablePrefix must be up to {MaxPrefixLength} letters and digits starting with a letter, since table names allow nothing else (was '{tablePrefix}').");
        }

        var containerPrefix = options.ContainerPrefix ?? string.Empty;
        if (containerPrefix.Length > 0 && (containerPrefix.Length > MaxPrefixLength || !StorageNameRules.IsValidContainerOrQueueName(containerPrefix + "site-s01")))
        {
            failures.Add($"{Section}:ContainerPrefix must be up to {MaxPrefixLength} lower-case letters, digits and single dashes, starting with a letter or digit (was '{containerPrefix}').");
        }

        var queue = options.IngestQueueName ?? string.Empty;
        if (!StorageNameRules.IsValidContainerOrQueueName(tablePrefix.ToLowerInvariant() + queue + "-poison"))
        {
            failures.Add($"{Section}:IngestQueueName must be lower-case letters, digits and single dashes, starting and ending with a letter or digit, short enough for '<name>-poison' to fit 63 characters (was '{queue}').");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,29}$")]
    private static partial Regex TablePrefixPattern();
}
