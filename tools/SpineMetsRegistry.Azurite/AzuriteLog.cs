using Microsoft.Extensions.Logging;

namespace SpineMetsRegistry.Azurite;

/// <summary>Everything this library logs, source-generated so disabled levels cost nothing.</summary>
internal static partial class AzuriteLog
{
    [LoggerMessage(2, LogLevel.Information, "Installed {Package}@{Version} in {Seconds:0.0} s")]
    public static partial void Installed(ILogger logger, string package, string version, double seconds);

    [LoggerMessage(5, LogLevel.Debug, "azurite[{ProcessId}]: {Line}")]
    public static partial void Output(ILogger logger, int processId, string line);

    [LoggerMessage(6, LogLevel.Information, "Azurite {Version} (pid {ProcessId}) ready in {Seconds:0.00} s: blob {BlobPort}, queue {QueuePort}, table {TablePort}")]
    public static partial void Ready(ILogger logger, string version, int processId, double seconds, int blobPort, int queuePort, int tablePort);
}
