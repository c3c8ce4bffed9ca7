using System.CommandLine;
using SpineMetsRegistry.Cli.Commands.Template;
using SpineMetsRegistry.Domain.Batches.Redcap;
using SpineMetsRegistry.Domain.Dictionary;

namespace SpineMetsRegistry.Cli.Commands;

/// <summary>
/// <c>spinemets template --out DIR [--format csv|jsonl|redcap] [--site CODE] [--force]</c>:
/// writes an empty batch file for the current dictionary version (the header, or for JSON
/// Lines one object naming every key) and a short example batch that passes
/// <c>spinemets validate</c>. Never overwrites a file unless <c>--force</c> is given.
/// Exit code 0 when written, 2 on usage errors.
/// </summary>
internal static partial class TemplateCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write the two files to (created if missing).", Required = true };
        var format = new Option<string>("--format") { Description = "csv (default), jsonl, or redcap (a REDCap raw records export of the recommended longitudinal project).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl", "redcap");
        var site = new Option<string>("--site") { Description = "The site code the example's study IDs start with (default S01).", DefaultValueFactory = _ => "S01" };
        var force = new Option<bool>("--force") { Description = "Overwrite files that already exist." };
        var config = new Option<FileInfo?>("--config") { Description = "The registry configuration, for the REDCap event map (default: $SPINEMETS_CONFIG, or infra/registry.json above the current directory)." };

        var command = new Command("template", "Write an empty batch file for the current data dictionary and a short example batch.") { output, format, site, force, config };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            parseResult.GetRequiredValue(output),
            parseResult.GetValue(format) ?? "csv",
            parseResult.GetValue(site) ?? "S01",
            parseResult.GetValue(force),
            parseResult.GetValue(config),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, DirectoryInfo directory, string format, string siteCode, bool force, FileInfo? configFile, CancellationToken cancellationToken)
    {
        if (!SiteCode().IsMatch(siteCode))
        {
            await console.Error.WriteLineAsync("--site must be a site code: S followed by two or three digits (e.g. S03).");
            return SpineMetsCommandLine.UsageError;
        }

        var redcap = new RedcapSettings();
        if (format == "redcap" && RegistryConfigurationLocator.Load(configFile) is { } loaded)
        {
            if (!loaded.IsSuccess)
            {
                await console.Error.WriteLineAsync("The registry configuration is invalid:");
                foreach (var error in loaded.Errors)
                {
                    await console.Error.WriteLineAsync("  " + error);
                }

                return SpineMetsCommandLine.UsageError;
            }

            redcap = loaded.Value!.Settings.Redcap;
        }

        var files = new BatchTemplateWriter(DataDictionary.Default, redcap).Files(format, siteCode.ToUpperInvariant());
        var existing = files.Select(f => Path.Combine(directory.FullName, f.FileName)).Where(File.Exists).ToList();
        if (existing.Count > 0 && !force)
        {
            await console.Error.WriteLineAsync($"Not overwriting {string.Join(", ", existing)}: pass --force to replace, or choose another --out folder.");
            return SpineMetsCommandLine.UsageError;
        }

        try
        {
            directory.Create();
            await BatchTemplateWriter.WriteAsync(directory, files, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"Cannot write to {directory.FullName}: {exception.Message}");
            return SpineMetsCommandLine.UsageError;
        }

        foreach (var (name, _) in files)
        {
            await console.Output.WriteLineAsync(Path.Combine(directory.FullName, name));
        }

        var example = Path.Combine(directory.FullName, files[1].FileName);
        await console.Error.WriteLineAsync($"Wrote the empty batch and an example for data dictionary {DataDictionary.Default.Version}. Check the example with: spinemets validate {example} --site {siteCode.ToUpperInvariant()}");
        return SpineMetsCommandLine.Success;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[Ss][0-9]{2,3}$")]
    private static partial System.Text.RegularExpressions.Regex SiteCode();
}
