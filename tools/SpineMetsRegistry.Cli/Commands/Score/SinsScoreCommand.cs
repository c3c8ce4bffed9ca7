using System.CommandLine;
using SpineMetsRegistry.Domain.Instruments.Anatomy;
using SpineMetsRegistry.Domain.Instruments.Sins;

namespace SpineMetsRegistry.Cli.Commands.Score;

/// <summary><c>spinemets score sins --level T6 --pain occasional ...</c>: SINS total, category and derived location.</summary>
internal static class SinsScoreCommand
{
    public static Command Create(CliConsole console)
    {
        var level = ScoreOptions.Parsed<VertebralLevel>("--level", "Vertebral level of the lesion: C0 (occiput), C1-C7, T1-T12, L1-L5, S1-S5.", VertebralLevel.Parse);
        var pain = ScoreOptions.Coded("--pain", SinsCodes.Pain, "Pain.");
        var lesion = ScoreOptions.Coded("--bone-lesion", SinsCodes.BoneLesion, "Bone lesion.");
        var alignment = ScoreOptions.Coded("--alignment", SinsCodes.Alignment, "Radiographic alignment.");
        var collapse = ScoreOptions.Coded("--collapse", SinsCodes.Collapse, "Vertebral body collapse.");
        var posterolateral = ScoreOptions.Coded("--posterolateral", SinsCodes.Posterolateral, "Posterolateral involvement.");
        var command = new Command("sins", "Spinal Instability Neoplastic Score (Fisher 2010).") { level, pain, lesion, alignment, collapse, posterolateral };
        command.SetAction(parseResult => ScoreOutput.Write(console, SinsCalculator.Score(new SinsInput(
            parseResult.GetValue(level),
            parseResult.GetValue(pain),
            parseResult.GetValue(lesion),
            parseResult.GetValue(alignment),
            parseResult.GetValue(collapse),
            parseResult.GetValue(posterolateral)))));
        return command;
    }
}
