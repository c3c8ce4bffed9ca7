using System.CommandLine;
using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Disease;
using SpineMetsRegistry.Domain.Instruments.Neurology;
using SpineMetsRegistry.Domain.Instruments.Performance;
using SpineMetsRegistry.Domain.Instruments.Prognosis;

namespace SpineMetsRegistry.Cli.Commands.Score;

/// <summary>The prognostic scores: revised Tokuhashi, Tomita, modified Bauer and NESMS.</summary>
internal static class PrognosisScoreCommands
{
    public static Command Tokuhashi(CliConsole console, ResolvedInstrumentSettings defaults)
    {
        var primary = ScoreOptions.Primary();
        var kps = ScoreOptions.OptionalParsed<KarnofskyScore>("--kps", "Karnofsky performance status, 0-100 in steps of 10.", KarnofskyScore.Parse);
        var ecog = ScoreOptions.OptionalParsed<EcogGrade>("--ecog", "ECOG grade 0-5, used (converted with --kps-ecog-map) when --kps is not given.", EcogGrade.Parse);
        var map = KpsEcogMapOption(defaults);
        var (spinal, extraspinal) = ScoreOptions.BoneCounts();
        var visceral = ScoreOptions.Visceral();
        var frankel = ScoreOptions.Coded("--frankel", NeurologyCodes.Frankel, "Frankel grade.");
        var command = new Command("tokuhashi", "Revised Tokuhashi score (Tokuhashi 2005) and survival band.") { primary, kps, ecog, map, spinal, extraspinal, visceral, frankel };
        command.Validators.Add(result =>
        {
            if (result.GetResult(kps) is null && result.GetResult(ecog) is null)
            {
                result.AddError("Give --kps, or --ecog to convert with the KPS-ECOG map.");
            }
        });
        command.SetAction(parseResult => ScoreOutput.Write(console, TokuhashiCalculator.Score(
            new TokuhashiInput(
                parseResult.GetValue(primary),
                parseResult.GetValue(kps),
                parseResult.GetValue(ecog),
                ScoreOptions.Bone(parseResult, spinal, extraspinal),
                parseResult.GetValue(visceral),
                parseResult.GetValue(frankel)),
            parseResult.GetValue(map)!)));
        return command;
    }

    public static Command Tomita(CliConsole console)
    {
        var primary = ScoreOptions.Primary();
        var visceral = ScoreOptions.Visceral();
        var (spinal, extraspinal) = ScoreOptions.BoneCounts();
        var command = new Command("tomita", "Tomita score (Tomita 2001) and surgical strategy band.") { primary, visceral, spinal, extraspinal };
        command.SetAction(parseResult => ScoreOutput.Write(console, TomitaCalculator.Score(
            new TomitaInput(parseResult.GetValue(primary), parseResult.GetValue(visceral), ScoreOptions.Bone(parseResult, spinal, extraspinal)))));
        return command;
    }

    public static Command Bauer(CliConsole console)
    {
        var primary = ScoreOptions.Primary();
        var visceral = ScoreOptions.Visceral();
        var (spinal, extraspinal) = ScoreOptions.BoneCounts();
        var command = new Command("bauer", "Modified Bauer score (Leithner 2008), 0-4.") { primary, visceral, spinal, extraspinal };
        command.SetAction(parseResult => ScoreOutput.Write(console, ModifiedBauerCalculator.Score(
            new ModifiedBauerInput(parseResult.GetValue(primary), parseResult.GetValue(visceral), ScoreOptions.Bone(parseResult, spinal, extraspinal)))));
        return command;
    }

    public static Command Nesms(CliConsole console, ResolvedInstrumentSettings defaults)
    {
        var primary = ScoreOptions.Primary();
        var visceral = ScoreOptions.Visceral();
        var (spinal, extraspinal) = ScoreOptions.BoneCounts();
        var ambulation = ScoreOptions.Coded("--ambulation", DiseaseCodes.AmbulatoryStatus, "Ambulatory status.");
        var albumin = ScoreOptions.Parsed<SerumAlbumin>("--albumin", "Serum albumin in g/L (3.5 g/dL = 35 g/L).", SerumAlbumin.Parse);
        var rule = ScoreOptions.OptionalCoded(
            "--bauer-rule",
            NesmsCalculator.ModifiedBauerRuleCodes,
            $"Points for modified Bauer >= 3. Default: {NesmsCalculator.ModifiedBauerRuleCodes.ToCode(defaults.NesmsModifiedBauerRule)}.");
        var command = new Command("nesms", "New England Spinal Metastasis Score.") { primary, visceral, spinal, extraspinal, ambulation, albumin, rule };
        command.SetAction(parseResult => ScoreOutput.Write(console, NesmsCalculator.Score(
            new NesmsInput(
                parseResult.GetValue(primary),
                parseResult.GetValue(visceral),
                ScoreOptions.Bone(parseResult, spinal, extraspinal),
                parseResult.GetValue(ambulation),
                parseResult.GetValue(albumin)),
            parseResult.GetValue(rule) ?? defaults.NesmsModifiedBauerRule)));
        return command;
    }

    internal static Option<KpsEcogMap> KpsEcogMapOption(ResolvedInstrumentSettings defaults)
    {
        var names = string.Join(", ", KpsEcogMaps.BuiltIn.Select(m => m.Name));
        return new Option<KpsEcogMap>("--kps-ecog-map")
        {
            Description = $"Named KPS-ECOG map: {names}. Default: {defaults.KpsEcogMap.Name}.",
            DefaultValueFactory = _ => defaults.KpsEcogMap,
            CustomParser = result =>
            {
                var name = result.Tokens.Single().Value;
                var map = KpsEcogMaps.BuiltIn.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
                if (map is null)
                {
                    result.AddError($"--kps-ecog-map: no map '{name}'; available: {names}.");
                }

                return map;
            },
        };
    }
}
