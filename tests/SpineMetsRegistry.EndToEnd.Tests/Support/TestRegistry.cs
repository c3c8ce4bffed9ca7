using System.Globalization;
using System.Text.Json;

namespace SpineMetsRegistry.EndToEnd.Tests.Support;

/// <summary>
/// A registry configuration file for a test: the given sites, with the EQ-5D-5L value set
/// switched from the default (England) to USA, so a stored index proves that the configured
/// value set, not the default, was applied.
/// </summary>
internal sealed class TestRegistry : IDisposable
{
    public const string Eq5d5LValueSet = "USA";

    private TestRegistry(string path, IReadOnlyList<string> sites)
    {
        FilePath = path;
        Sites = sites;
    }

    public string FilePath { get; }

    public IReadOnlyList<string> Sites { get; }

    public static TestRegistry Create(params string[] sites)
    {
        var codes = sites.Length == 0 ? ["S01", "S02"] : sites;
        var document = new
        {
            registryName = "spinemets-e2e",
            sites = codes.Select((code, i) => new
            {
                code,
                displayName = "End-to-end test site " + code,
                studyIdPattern = $"^{code}-[0-9]{{4}}$",
                principalObjectId = string.Create(CultureInfo.InvariantCulture, $"00000000-0000-0000-0000-{i + 1:D12}"),
                principalType = "Group",
            }),
            settings = new { instruments = new { eq5d5LValueSet = Eq5d5LValueSet } },
        };
        var path = Path.Combine(Path.GetTempPath(), $"spinemets-e2e-registry-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(document));
        return new TestRegistry(path, codes);
    }

    public void Dispose() => File.Delete(FilePath);
}
