using System.Globalization;

namespace SpineMetsRegistry.Azurite.Server;

/// <summary>The Azurite command line for a set of options and chosen ports.</summary>
internal static class AzuriteArguments
{
    public static IReadOnlyList<string> For(AzuriteServerOptions options, AzuriteEndpoints endpoints, string? dataDirectory)
    {
        var arguments = new List<string>
        {
            "--blobHost", endpoints.Host, "--blobPort", Text(endpoints.BlobPort),
            "--queueHost", endpoints.Host, "--queuePort", Text(endpoints.QueuePort),
            "--tableHost", endpoints.Host, "--tablePort", Text(endpoints.TablePort),
            // The Azure SDK versions we use send API versions newer than this Azurite knows.
            "--skipApiVersionCheck",
            // Ignore headers and parameters Azurite does not implement instead of failing.
            "--loose",
            // The account is the first path segment, never taken from the host name.
            "--disableProductStyleUrl",
            // Azurite otherwise phones home; the machines have no general internet access.
            "--disableTelemetry",
        };
        if (!options.AccessLog)
        {
            arguments.Add("--silent");
        }

        if (options.Persistence == AzuritePersistence.InMemory)
        {
            arguments.Add("--inMemoryPersistence");
        }
        else
        {
            arguments.Add("--location");
            arguments.Add(dataDirectory ?? throw new ArgumentNullException(nameof(dataDirectory)));
        }

        arguments.AddRange(options.ExtraArguments);
        return arguments;
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
