using System.CommandLine;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Dictionary.Export;

namespace SpineMetsRegistry.Cli.Commands;

/// <summary><c>spinemets dictionary export --format markdown|json|redcap [--out FILE]</c>.</summary>
internal static class DictionaryCommand
{
    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "markdown (for people), json, or redcap (REDCap data dictionary CSV).", Required = true };
        format.AcceptOnlyFromAmong("markdown", "json", "redcap");
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };

        var export = new Command("export", "Export the data dictionary.") { format, output };
        export.SetAction(async (parseResult, cancellationToken) =>
        {
            var exportFormat = parseResult.GetRequiredValue(format) switch
            {
                "json" => DictionaryExportFormat.Json,
                "redcap" => DictionaryExportFormat.Redcap,
                _ => DictionaryExportFormat.Markdown,
            };
            var file = parseResult.GetValue(output);
            if (file is null)
            {
                DictionaryExporter.Export(DataDictionary.Default, exportFormat, console.Output);
                return SpineMetsCommandLine.Success;
            }

            if (file.Directory is { Exists: false })
            {
                await console.Error.WriteLineAsync($"Directory not found: {file.Directory.FullName}");
                return SpineMetsCommandLine.UsageError;
            }

            await using (var writer = new StreamWriter(file.FullName, append: false, new System.Text.UTF8Encoding(false)))
            {
                DictionaryExporter.Export(DataDictionary.Default, exportFormat, writer);
            }

            await console.Error.WriteLineAsync($"Wrote data dictionary {DataDictionary.Default.Version} ({parseResult.GetRequiredValue(format)}) to {file.FullName}");
            return SpineMetsCommandLine.Success;
        });

        return new Command("dictionary", "The registry's data dictionary.") { export };
    }
}
