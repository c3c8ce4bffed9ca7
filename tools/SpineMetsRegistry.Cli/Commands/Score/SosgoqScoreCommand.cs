using System.CommandLine;
using System.Globalization;
using SpineMetsRegistry.Domain.Instruments.Sosgoq;

namespace SpineMetsRegistry.Cli.Commands.Score;

/// <summary>
/// <c>spinemets score sosgoq --item sosgoq_01=2 --item sosgoq_02=1 ...</c>: SOSGOQ 2.0 domain,
/// single-item and total scores. Unlisted items are unanswered. <c>--definition</c> scores with
/// another definition file instead of the registry default.
/// </summary>
internal static class SosgoqScoreCommand
{
    public static Command Create(CliConsole console)
    {
        var items = new Option<Dictionary<string, int?>>("--item")
        {
            Description = "An answered item as code=level, e.g. sosgoq_01=2 (levels 1-5). Repeat for each answered item.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
            CustomParser = result =>
            {
                var responses = new Dictionary<string, int?>(StringComparer.Ordinal);
                foreach (var token in result.Tokens.Select(t => t.Value))
                {
                    var parts = token.Split('=');
                    if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var level))
                    {
                        result.AddError($"--item: '{token}' is not code=level (e.g. sosgoq_01=2).");
                    }
                    else if (!responses.TryAdd(parts[0], level))
                    {
                        result.AddError($"--item: '{parts[0]}' is given twice.");
                    }
                }

                return responses;
            },
        };
        var definitionFile = new Option<FileInfo>("--definition") { Description = "A SOSGOQ definition JSON file to score with instead of the registry default." };
        definitionFile.AcceptExistingOnly();
        var command = new Command("sosgoq", "SOSGOQ 2.0 domain and total scores, 0-100 (100 = best health).") { items, definitionFile };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var definition = SosgoqDefinitions.RegistryDefault;
            if (parseResult.GetValue(definitionFile) is { } file)
            {
                await using var stream = file.OpenRead();
                var loaded = SosgoqDefinitionReader.Read(stream);
                if (loaded.Value is null)
                {
                    return ScoreOutput.UsageError(console, $"{file.Name}: {string.Join("; ", loaded.Errors.Select(e => $"{e.Path}: {e.Message}"))}");
                }

                definition = loaded.Value;
            }

            return ScoreOutput.Write(console, SosgoqScorer.Score(definition, parseResult.GetValue(items)!));
        });
        return command;
    }
}
