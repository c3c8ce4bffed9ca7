using System.Text;

namespace SpineMetsRegistry.Cli.Tests.TestSupport;

/// <summary>A scratch folder per test, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "spinemets-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, string content) => Write(name, Encoding.UTF8.GetBytes(content));

    public string Write(string name, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>A registry configuration with sites S01 and S02 and the given row policy.</summary>
    public string Config(string policy = "AcceptValidRows") => Write("registry.json", $$"""
        {
          "registryName": "spinemets",
          "sites": [
            { "code": "S01", "displayName": "Site 1", "studyIdPattern": "^S01-[0-9]{4}$", "principalObjectId": "00000000-0000-0000-0000-000000000001" },
            { "code": "S02", "displayName": "Site 2", "studyIdPattern": "^S02-[0-9]{4}$", "principalObjectId": "00000000-0000-0000-0000-000000000002" }
          ],
          "settings": { "invalidRowPolicy": "{{policy}}" }
        }
        """);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover scratch folder must not fail a test.
        }
    }
}
