namespace SpineMetsRegistry.Docs.Tests;

public sealed class MarkdownLinkTests
{
    private static readonly string Root = FindRepositoryRoot();

    public static TheoryData<string> MarkdownFiles() => [.. MarkdownLinkChecker.MarkdownFiles(Root)];

    [Fact]
    public void MarkdownFiles_Repository_FindsTheReadme()
    {
        Assert.Contains("README.md", MarkdownLinkChecker.MarkdownFiles(Root));
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Check_RepositoryMarkdownFile_EveryRelativeLinkResolvesInsideTheRepository(string markdownFile)
    {
        Assert.Empty(MarkdownLinkChecker.Check(Root, markdownFile));
    }

    [Fact]
    public void Check_BrokenLinks_EachReportedWithFileAndLine()
    {
        using var repository = new TemporaryRepository();
        repository.Write("docs/guide.md", "# Guide\n\n## Two words\n");
        repository.Write("README.md", string.Join('\n',
            "# Readme",
            "[ok](docs/guide.md#two-words) [self](#readme) [web](https://example.org/x) [folder](docs/)",
            "[missing](docs/nope.md)",
            "[outside](../shared/DESIGN.md)",
            "[bad anchor](docs/guide.md#three-words)",
            "See `../shared/DESIGN.md`.",
            "```",
            "[in a code block](nowhere.md)",
            "```",
            "[ref]: docs/gone.md"));

        var problems = MarkdownLinkChecker.Check(repository.Root, "README.md");

        Assert.Equal(
            [
                "README.md:3: docs/nope.md: does not exist",
                "README.md:4: ../shared/DESIGN.md: leads outside the repository",
                "README.md:5: docs/guide.md#three-words: names no heading of guide.md",
                "README.md:6: ../shared/DESIGN.md: names a path outside the repository",
                "README.md:10: docs/gone.md: does not exist",
            ],
            problems);
    }

    [Theory]
    [InlineData("Local storage (Azurite)", "local-storage-azurite")]
    [InlineData("Command line: `spinemets`", "command-line-spinemets")]
    [InlineData("See [the API](api.md) now", "see-the-api-now")]
    [InlineData("Where is it?", "where-is-it")]
    public void Slug_Heading_IsGitHubsAnchor(string heading, string expected)
    {
        Assert.Equal(expected, MarkdownLinkChecker.Slug(heading));
    }

    [Fact]
    public void Check_RepeatedHeading_NumberedLikeGitHub()
    {
        using var repository = new TemporaryRepository();
        repository.Write("README.md", "# A\n## Notes\n## Notes\n[second](#notes-1) [third](#notes-2)\n");

        Assert.Equal(["README.md:4: #notes-2: names no heading of README.md"], MarkdownLinkChecker.Check(repository.Root, "README.md"));
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SpineMetsRegistry.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run from inside a checkout (a folder with SpineMetsRegistry.sln).");
    }

    private sealed class TemporaryRepository : IDisposable
    {
        public string Root { get; } = Path.Combine(Path.GetTempPath(), "spinemets-docs-tests", Guid.NewGuid().ToString("N"), "repo");

        public void Write(string relativePath, string content)
        {
            var path = Path.Combine(Root, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        public void Dispose() => Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
    }
}
