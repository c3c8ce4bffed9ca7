using SpineMetsRegistry.Infra.Tests.Bicep;

namespace SpineMetsRegistry.Infra.Tests.Tests.Tooling;

/// <summary>Bicep's diagnostic lines are recognised, so "no diagnostics" really means none.</summary>
public sealed class BicepDiagnosticTests
{
    [Fact]
    public void ParseAll_WarningAndErrorLines_AreBothRecognised()
    {
        const string output =
            "/x/main.bicep(3,7) : Warning no-unused-params: Parameter \"p\" is declared but never used. [https://aka.ms/bicep/linter-diagnostics#no-unused-params]\n"
            + "/x/modules/a.bicep(10,1) : Error BCP037: The property \"foo\" is not allowed. [https://aka.ms/bicep/core-diagnostics#BCP037]\n"
            + "unrelated line\n";

        var diagnostics = BicepDiagnostic.ParseAll(output);

        Assert.Equal(
            [("/x/main.bicep", 3, 7, "Warning", "no-unused-params"), ("/x/modules/a.bicep", 10, 1, "Error", "BCP037")],
            diagnostics.Select(d => (d.File, d.Line, d.Column, d.Level, d.Code)));
    }
}
