namespace SpineMetsRegistry.Infra.Tests.Bicep;

/// <summary>What one invocation of the Bicep CLI printed and returned.</summary>
public sealed record BicepRun(IReadOnlyList<string> Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    public IReadOnlyList<BicepDiagnostic> Diagnostics => BicepDiagnostic.ParseAll(StandardError);

    public override string ToString() =>
        $"bicep {string.Join(' ', Arguments)} -> exit {ExitCode}{Environment.NewLine}{StandardError}";
}
