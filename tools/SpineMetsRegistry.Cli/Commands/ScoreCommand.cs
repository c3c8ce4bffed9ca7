using System.CommandLine;
using SpineMetsRegistry.Cli.Commands.Score;
using SpineMetsRegistry.Domain.Instruments;

namespace SpineMetsRegistry.Cli.Commands;

/// <summary>
/// <c>spinemets score &lt;instrument&gt; --option value ...</c>: scores one instrument from named
/// options so a clinician can check a number without writing code. Each result is printed as one
/// camelCase JSON object per line. Exit codes: 0 all scored; 1 something could not be scored
/// (the others are still printed, the reason goes to standard error); 2 the command line was
/// not understood. Defaults for value sets, the Bilsky 1c policy, the KPS-ECOG map, the
/// radiosensitivity map and MCIDs are the registry defaults of <see cref="InstrumentSettings"/>.
/// </summary>
public static class ScoreCommand
{
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var defaults = InstrumentSettingsResolver.Resolve(new InstrumentSettings(), Domain.Instruments.Eq5d.Eq5dValueSetCatalog.BuiltIn).Value
            ?? throw new InvalidOperationException("The registry default instrument settings do not resolve.");
        var score = new Command("score", "Score a clinical instrument and print the result as JSON (one object per line).");
        score.Add(Eq5dScoreCommand.Create(console, defaults));
        score.Add(SinsScoreCommand.Create(console));
        score.Add(SosgoqScoreCommand.Create(console));
        score.Add(PrognosisScoreCommands.Tokuhashi(console, defaults));
        score.Add(PrognosisScoreCommands.Tomita(console));
        score.Add(PrognosisScoreCommands.Bauer(console));
        score.Add(PrognosisScoreCommands.Nesms(console, defaults));
        score.Add(BilskyScoreCommands.Bilsky(console, defaults));
        score.Add(BilskyScoreCommands.Noms(console, defaults));
        score.Add(ClinicalScoreCommands.Saves(console));
        score.Add(ClinicalScoreCommands.KpsEcog(console, defaults));
        score.Add(ClinicalScoreCommands.Change(console, defaults));
        return score;
    }
}
