using System.CommandLine;
using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Eq5d;

namespace SpineMetsRegistry.Cli.Commands.Score;

/// <summary>
/// <c>spinemets score eq5d --version 5L --value-set USA --state 55555 [--state ...]</c>; with no
/// <c>--state</c>, states are read one per line from standard input. One JSON line per state
/// scored; a state that cannot be scored is reported on standard error (exit 1) and the others
/// are still printed. <c>--value-set-file</c> adds a value set from a JSON file first.
/// </summary>
internal static class Eq5dScoreCommand
{
    /// <summary>One printed line: the state, the value set that scored it and the index.</summary>
    internal sealed record Line(string State, string Version, string ValueSet, decimal Index, string Instrument, string ValueSetDoi);

    public static Command Create(CliConsole console, ResolvedInstrumentSettings defaults)
    {
        var version = ScoreOptions.Coded("--version", Eq5dCodes.Version, "EQ-5D version.");
        var valueSet = new Option<string?>("--value-set")
        {
            Description = $"Value set name: UK-TTO (3L); England, USA, Netherlands (5L). Default: {defaults.Eq5d3LValueSet.Name} for 3L, {defaults.Eq5d5LValueSet.Name} for 5L.",
        };
        var valueSetFile = new Option<FileInfo>("--value-set-file")
        {
            Description = "A value-set JSON file to add to the built-in ones (select it with --value-set).",
        };
        valueSetFile.AcceptExistingOnly();
        var states = new Option<string[]>("--state")
        {
            Description = "Five-digit health state(s), MO SC UA PD AD, e.g. 21354. Repeat or list several; omit to read one per line from standard input.",
            AllowMultipleArgumentsPerToken = true,
        };

        var command = new Command("eq5d", "EQ-5D index of one or more health states under a value set.") { version, valueSet, valueSetFile, states };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var catalog = Eq5dValueSetCatalog.BuiltIn;
            if (parseResult.GetValue(valueSetFile) is { } file)
            {
                await using var stream = file.OpenRead();
                var loaded = Eq5dValueSetReader.Read(stream);
                var extended = loaded.Value is { } added ? catalog.With(added) : null;
                if (extended?.Value is null)
                {
                    var errors = extended?.Errors ?? loaded.Errors;
                    return ScoreOutput.UsageError(console, $"{file.Name}: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}"))}");
                }

                catalog = extended.Value;
            }

            var eq5dVersion = parseResult.GetValue(version);
            var name = parseResult.GetValue(valueSet) ?? (eq5dVersion == Eq5dVersion.ThreeLevel ? defaults.Eq5d3LValueSet : defaults.Eq5d5LValueSet).Name;
            if (!catalog.TryGet(eq5dVersion, name, out var selected))
            {
                return ScoreOutput.UsageError(
                    console,
                    $"No EQ-5D-{Eq5dCodes.Version.ToCode(eq5dVersion)} value set '{name}'; available: {string.Join(", ", catalog.NamesFor(eq5dVersion))}.");
            }

            var codes = parseResult.GetValue(states) is { Length: > 0 } given ? given : await ReadLines(console.Input, cancellationToken);
            if (codes.Count == 0)
            {
                return ScoreOutput.UsageError(console, "No health state given: use --state or one state per line on standard input.");
            }

            var exitCode = SpineMetsCommandLine.Success;
            foreach (var code in codes)
            {
                var state = Eq5dHealthState.Parse(eq5dVersion, code);
                var result = state.TryGetValue(out var parsed) ? Eq5dIndexCalculator.Score(selected, parsed) : null;
                if (result?.Score is { } score)
                {
                    ScoreOutput.WriteLine(console, new Line(score.State, score.Version, score.ValueSet, score.Index, result.Instrument, score.ValueSetDoi));
                }
                else
                {
                    console.Error.WriteLine(state.Error?.Message ?? result?.Failure?.Message);
                    exitCode = SpineMetsCommandLine.ProblemsFound;
                }
            }

            return exitCode;
        });
        return command;
    }

    private static async Task<IReadOnlyList<string>> ReadLines(TextReader input, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                lines.Add(line.Trim());
            }
        }

        return lines;
    }
}
