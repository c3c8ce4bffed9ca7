using System.Diagnostics;
using System.Text.Json;

namespace SpineMetsRegistry.Benchmarks.Support;

/// <summary>
/// Starts this benchmark program again as a child process (a fresh process per size, so a
/// peak working set is that size's alone), however this one was started: through its apphost,
/// through <c>dotnet</c>, or inside another host such as a test runner (then through
/// <c>dotnet</c> and this assembly).
/// </summary>
internal static class BenchmarkChild
{
    private const string AppHostName = "SpineMetsRegistry.Benchmarks";

    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var processPath = Environment.ProcessPath ?? "dotnet";
        var self = Path.GetFileNameWithoutExtension(processPath);
        var start = new ProcessStartInfo(self == AppHostName ? processPath : DotnetHost(processPath, self))
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (self != AppHostName)
        {
            start.ArgumentList.Add(typeof(BenchmarkChild).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>
    /// Runs the child to its end and reads its result: the JSON of <typeparamref name="T"/> on the
    /// last line it printed (what it logged before goes unread).
    /// </summary>
    public static async Task<T> RunForResultAsync<T>(params string[] arguments)
        where T : class
    {
        using var process = Process.Start(StartInfo(arguments))
            ?? throw new InvalidOperationException($"The benchmark child {arguments[0]} did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (process.ExitCode != 0 || last is null || !last.StartsWith('{'))
        {
            // It failed before its result: say so with the child's last words, not a JSON error.
            throw new InvalidOperationException($"The benchmark child {arguments[0]} ended with exit code {process.ExitCode} without a result; its last line: {last ?? "(none)"}");
        }

        return JsonSerializer.Deserialize<T>(last)
            ?? throw new InvalidOperationException($"The benchmark child {arguments[0]} printed an empty result.");
    }

    // The muxer that runs this process when it is dotnet itself, else the one the SDK names
    // (DOTNET_HOST_PATH is set under dotnet test and dotnet run), else dotnet on the PATH.
    private static string DotnetHost(string processPath, string self) =>
        self == "dotnet" ? processPath : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
}
