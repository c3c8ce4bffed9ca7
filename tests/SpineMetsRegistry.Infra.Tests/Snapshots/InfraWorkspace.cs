using SpineMetsRegistry.Infra.Tests.Bicep;

namespace SpineMetsRegistry.Infra.Tests.Snapshots;

/// <summary>
/// A throw-away copy of infra/ under the temp folder, so that snapshots (which write files beside
/// their parameters) and deliberately broken variants never touch the working tree.
/// </summary>
public sealed class InfraWorkspace : IDisposable
{
    private InfraWorkspace(string root)
    {
        Root = root;
        InfraDirectory = Path.Combine(root, "infra");
        ScenarioDirectory = Path.Combine(root, "scenario");
        Directory.CreateDirectory(ScenarioDirectory);
    }

    public string Root { get; }

    public string InfraDirectory { get; }

    public string ScenarioDirectory { get; }

    public static InfraWorkspace CopyOfRepositoryInfra()
    {
        var workspace = new InfraWorkspace(Path.Combine(Path.GetTempPath(), "spinemets-infra-tests", Guid.NewGuid().ToString("N")));
        CopyDirectory(RepositoryLayout.InfraDirectory, workspace.InfraDirectory);
        return workspace;
    }

    /// <summary>Replaces exactly one occurrence of <paramref name="find"/>; anything else means the mutation went stale.</summary>
    public void Mutate(string relativeFile, string find, string replace)
    {
        var path = Path.Combine(InfraDirectory, relativeFile);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var first = text.IndexOf(find, StringComparison.Ordinal);
        if (first < 0 || text.IndexOf(find, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"Mutation target must occur exactly once in {relativeFile}: {find}");
        }

        File.WriteAllText(path, string.Concat(text.AsSpan(0, first), replace, text.AsSpan(first + find.Length)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            if (!file.EndsWith(".snapshot.json", StringComparison.OrdinalIgnoreCase))
            {
                File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
            }
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            CopyDirectory(directory, Path.Combine(destination, Path.GetFileName(directory)));
        }
    }
}
