using System.CommandLine;
using SpineMetsRegistry.Cli.Commands.Stats;
using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Cli.Commands;

/// <summary>
/// <c>spinemets stats km --in FILE [--json]</c>: the registry's Kaplan-Meier estimator (Greenwood
/// standard errors, 95% log-log intervals, Brookmeyer-Crowley median interval) over a
/// <c>time,event</c> CSV, so the estimator can be checked offline against any textbook.
/// Exit codes: 0 estimated; 1 the file has problems (each reported with its line number);
/// 2 the command line was not understood or the file does not exist.
/// </summary>
internal static class StatsCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Option<FileInfo>("--in") { Description = "CSV with header time,event (event 1 = event, 0 = censored).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print JSON (median, steps) instead of a table." };
        var km = new Command("km", "Kaplan-Meier survival estimate of a time,event CSV.") { input, json };
        km.SetAction(async (parseResult, cancellationToken) =>
        {
            var file = parseResult.GetRequiredValue(input);
            if (!file.Exists)
            {
                await console.Error.WriteLineAsync($"File not found: {file.FullName}");
                return SpineMetsCommandLine.UsageError;
            }

            IReadOnlyList<SurvivalObservation> observations;
            IReadOnlyList<string> problems;
            using (var reader = new StreamReader(file.FullName))
            {
                (observations, problems) = SurvivalCsvReader.Read(reader);
            }

            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await console.Error.WriteLineAsync($"{file.Name}: {problem}");
                }

                return SpineMetsCommandLine.ProblemsFound;
            }

            var curve = KaplanMeier.Estimate(SurvivalCounts.Of(observations));
            if (parseResult.GetValue(json))
            {
                KaplanMeierOutput.WriteJson(curve, console.Output);
            }
            else
            {
                KaplanMeierOutput.WriteTable(curve, console.Output);
            }

            return SpineMetsCommandLine.Success;
        });

        return new Command("stats", "Statistics of the steering committee, computed offline.") { km };
    }
}
