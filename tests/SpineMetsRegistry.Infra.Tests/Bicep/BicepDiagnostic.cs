using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Infra.Tests.Bicep;

/// <summary>
/// One compiler or linter diagnostic in Bicep's default format:
/// <c>/path/file.bicep(12,5) : Warning no-unused-vars: Variable "x" is declared but never used. [url]</c>.
/// </summary>
public sealed partial record BicepDiagnostic(string File, int Line, int Column, string Level, string Code, string Message)
{
    public static IReadOnlyList<BicepDiagnostic> ParseAll(string output) =>
        output.Split('\n')
            .Select(line => DiagnosticLine().Match(line.TrimEnd('\r')))
            .Where(match => match.Success)
            .Select(match => new BicepDiagnostic(
                match.Groups["file"].Value,
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["level"].Value,
                match.Groups["code"].Value,
                match.Groups["message"].Value))
            .ToList();

    public override string ToString() => $"{File}({Line},{Column}) {Level} {Code}: {Message}";

    [GeneratedRegex(@"^(?<file>.+)\((?<line>\d+),(?<column>\d+)\) : (?<level>Error|Warning|Info) (?<code>[A-Za-z0-9-]+): (?<message>.*)$")]
    private static partial Regex DiagnosticLine();
}
