using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SpineMetsRegistry.Infra.Tests.Bicep;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Tests;

/// <summary>
/// Every Bicep file compiles with the real CLI, and the linter (which runs inside every build, with
/// every rule set to error) reports nothing.
/// </summary>
public sealed partial class BicepCompilationTests
{
    private static readonly Dictionary<string, string?> ClientIdVariable = new() { ["SPINEMETS_API_CLIENT_ID"] = SnapshotScenario.ApiClientId };

    private static IReadOnlyList<string> BicepFiles =>
        Directory.EnumerateFiles(RepositoryLayout.InfraDirectory, "*.bicep", SearchOption.AllDirectories).Order().ToList();

    [Fact]
    public void Build_EveryBicepFileInInfra_CompilesWithoutAnyDiagnostic()
    {
        var output = Directory.CreateTempSubdirectory("spinemets-bicep-build-");
        try
        {
            var run = BicepCli.Instance.Run(RepositoryLayout.Root, ["build", "--pattern", "infra/**/*.bicep", "--outdir", output.FullName]);

            Assert.True(run.Succeeded, run.ToString());
            Assert.Empty(run.Diagnostics);
            Assert.Equal(string.Empty, run.StandardError.Trim());
            foreach (var file in BicepFiles)
            {
                var relative = Path.GetRelativePath(RepositoryLayout.InfraDirectory, file);
                Assert.True(File.Exists(Path.Combine(output.FullName, Path.ChangeExtension(relative, ".json"))), $"{relative} produced no ARM template");
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public void Lint_MainParameterFile_ReportsNothing()
    {
        var run = BicepCli.Instance.Run(RepositoryLayout.InfraDirectory, ["lint", "main.bicepparam"], ClientIdVariable);

        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal(string.Empty, run.StandardError.Trim());
    }

    [Fact]
    public void Build_ModuleWithAnUnusedVariable_FailsWithTheLinterError()
    {
        // Proves the build test above can fail on a linter finding: one stray variable in a nested module is enough.
        using var workspace = InfraWorkspace.CopyOfRepositoryInfra();
        workspace.Mutate("modules/siteLanding.bicep", "var containerName = siteContainerName(site.code)", "var containerName = siteContainerName(site.code)\nvar strayForTest = 42");

        var run = BicepCli.Instance.Run(workspace.Root, ["build", "--pattern", "infra/**/*.bicep", "--outdir", Path.Combine(workspace.Root, "out")]);

        Assert.False(run.Succeeded);
        Assert.Contains(run.Diagnostics, diagnostic =>
            diagnostic is { Level: "Error", Code: "no-unused-vars" } && diagnostic.File.EndsWith("siteLanding.bicep", StringComparison.Ordinal));
    }

    [Fact]
    public void BicepConfig_EveryLinterRule_IsSetToError()
    {
        var rules = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.InfraDirectory, "bicepconfig.json")))!["analyzers"]!["core"]!["rules"]!.AsObject();

        Assert.True(rules.Count >= 40, $"only {rules.Count} rules configured");
        Assert.All(rules, rule => Assert.Equal("error", rule.Value!["level"]!.GetValue<string>()));
        // Rules Bicep leaves off by default are switched on too.
        Assert.Contains("use-user-defined-types", rules.Select(rule => rule.Key));
        Assert.Contains("no-hardcoded-location", rules.Select(rule => rule.Key));
    }

    [Fact]
    public void Modules_AreLocalFilesOnly_SoTheBuildWorksOffline()
    {
        foreach (var file in BicepFiles)
        {
            foreach (Match reference in ModuleReference().Matches(File.ReadAllText(file)))
            {
                var target = reference.Groups["target"].Value;
                Assert.False(target.Contains(':', StringComparison.Ordinal) || target.StartsWith("br/", StringComparison.Ordinal), $"{file} references {target}");
                Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, target)), $"{file} references missing {target}");
            }
        }
    }

    [Fact]
    public void Suppressions_AreOnlyTheDiagnosticSettingsApiVersion()
    {
        // diagnosticSettings has no recent non-preview API; that is the one accepted exception.
        foreach (var file in BicepFiles)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("#disable", StringComparison.Ordinal))
                {
                    Assert.Equal("#disable-next-line use-recent-api-versions", lines[i].Trim());
                    Assert.Contains("'Microsoft.Insights/diagnosticSettings@2021-05-01-preview'", lines[i + 1], StringComparison.Ordinal);
                }
            }
        }
    }

    [GeneratedRegex(@"^\s*(?:module|import)\b[^']*'(?<target>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleReference();
}
