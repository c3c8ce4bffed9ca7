using System.Globalization;
using SpineMetsRegistry.Azurite.Processes;

namespace SpineMetsRegistry.Azurite.Installation;

/// <summary>
/// Confirms node runs and is new enough before npm is asked to install anything, so a
/// missing or outdated Node.js is reported as exactly that instead of as an npm failure.
/// </summary>
internal static class NodeVersionCheck
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    public static async Task<Version> RequireAsync(string nodePath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await ExternalCommand.RunAsync(
            nodePath, ["--version"], Environment.CurrentDirectory, NoEnvironment, timeout, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.NotStarted:
                throw new AzuriteException(
                    AzuriteFailure.NodeNotFound,
                    $"Node.js was not found: could not start '{nodePath}' ({result.StartError}). "
                    + $"Install Node.js {AzuritePackage.MinimumNodeMajorVersion} or newer with npm and make sure 'node' is on PATH.");
            case CommandStatus.TimedOut:
                throw new AzuriteException(
                    AzuriteFailure.NodeNotFound,
                    $"'{nodePath} --version' did not answer within {timeout.TotalSeconds:0} s.");
            case CommandStatus.Exited when result.ExitCode != 0:
                throw new AzuriteException(
                    AzuriteFailure.NodeNotFound,
                    $"'{nodePath} --version' failed with exit code {result.ExitCode}: {result.StandardErrorTail}");
        }

        var version = Parse(result.StandardOutputTail)
            ?? throw new AzuriteException(
                AzuriteFailure.NodeNotFound,
                $"'{nodePath} --version' printed '{result.StandardOutputTail}', which is not a Node.js version.");
        if (version.Major < AzuritePackage.MinimumNodeMajorVersion)
        {
            throw new AzuriteException(
                AzuriteFailure.NodeTooOld,
                $"Node.js {version} at '{nodePath}' is too old: Azurite {AzuritePackage.PinnedVersion} is run on "
                + $"Node.js {AzuritePackage.MinimumNodeMajorVersion} or newer.");
        }

        return version;
    }

    /// <summary>Parses node's <c>v20.20.2</c>; null for anything else.</summary>
    internal static Version? Parse(string output)
    {
        var text = output.Trim();
        if (text.StartsWith('v'))
        {
            text = text[1..];
        }

        var parts = text.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        var numbers = new int[3];
        for (var index = 0; index < 3; index++)
        {
            if (!int.TryParse(parts[index], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[index]))
            {
                return null;
            }
        }

        return new Version(numbers[0], numbers[1], numbers[2]);
    }
}
