using System.CommandLine;
using SpineMetsRegistry.Cli.Commands;

namespace SpineMetsRegistry.Cli;

/// <summary>
/// The `spinemets` command line. Each feature contributes one command, built in its own
/// file; this type only composes them and runs the parse with the given console streams,
/// so tests can drive the exact command lines users type.
/// </summary>
public static class SpineMetsCommandLine
{
    /// <summary>Exit code for a command that ran and found nothing wrong.</summary>
    public const int Success = 0;

    /// <summary>Exit code for a command that ran and found problems (e.g. batch errors).</summary>
    public const int ProblemsFound = 1;

    /// <summary>Exit code for a command line that could not be understood.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code for a command that could not reach the registry, or that the registry refused (401, 403...).</summary>
    public const int Unavailable = 3;

    public static RootCommand Build(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand("SpineMetsRegistry command line: validate batches, export the data dictionary, score instruments, show follow-up reminders, estimate survival.")
        {
            ValidateCommand.Create(console),
            DictionaryCommand.Create(console),
            ScoreCommand.Create(console),
            RemindersCommand.Create(console),
            StatsCommand.Create(console),
        };
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, TextReader input)
    {
        var console = new CliConsole(output, error, input);
        var root = Build(console);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            return UsageError;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parseResult.InvokeAsync(configuration);
    }
}

/// <summary>The streams a command writes to and reads from.</summary>
public sealed record CliConsole(TextWriter Output, TextWriter Error, TextReader Input);
