using System.Globalization;

namespace SpineMetsRegistry.Benchmarks.Support;

/// <summary>
/// The machine a figure was measured on, printed before the figures: cores, the load average
/// at that moment (other processes share the cores, so every figure needs it next to it) and
/// memory.
/// </summary>
internal static class MachineLine
{
    private const string LoadAverageFile = "/proc/loadavg";

    public static string Now()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}, {memory:F1} GiB RAM, .NET {Environment.Version}");
    }

    /// <summary>The 1, 5 and 15 minute load averages, or "unknown" off Linux.</summary>
    public static string LoadAverage() =>
        File.Exists(LoadAverageFile)
            ? string.Join(' ', File.ReadAllText(LoadAverageFile).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3))
            : "unknown";
}
