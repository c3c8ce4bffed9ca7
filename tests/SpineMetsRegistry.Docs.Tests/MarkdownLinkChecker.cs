using System.Text;
using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Docs.Tests;

/// <summary>
/// Finds the broken relative links of the Markdown files under a root folder: a target that
/// does not exist, an anchor that names no heading of its target (GitHub's heading slugs), and
/// any link or inline-code path that leads outside the root. Links with a scheme (https:,
/// mailto:) are not followed. Fenced code blocks are skipped: they show code, not links.
/// </summary>
public static partial class MarkdownLinkChecker
{
    private static readonly string[] SkippedFolders = [".git", ".local", ".vs", ".idea", "bin", "obj", "node_modules", "TestResults"];

    /// <summary>The Markdown files under <paramref name="root"/>, as paths relative to it with '/' separators.</summary>
    public static IReadOnlyList<string> MarkdownFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar).Any(part => SkippedFolders.Contains(part)))
            .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];

    /// <summary>Every problem in one Markdown file (relative to <paramref name="root"/>), each naming the file, line and target.</summary>
    public static IReadOnlyList<string> Check(string root, string markdownFile)
    {
        var fullRoot = Path.GetFullPath(root);
        var path = Path.Combine(fullRoot, markdownFile);
        var problems = new List<string>();
        var lineNumber = 0;
        var inFence = false;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (Fence().IsMatch(line))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            var withoutCode = CodeSpan().Replace(line, string.Empty);
            foreach (var target in LinkTargets(withoutCode))
            {
                if (CheckLink(fullRoot, path, target) is { } problem)
                {
                    problems.Add($"{markdownFile}:{lineNumber}: {target}: {problem}");
                }
            }

            foreach (Match span in CodeSpan().Matches(line))
            {
                var text = span.Groups["code"].Value;
                if (text.StartsWith("../", StringComparison.Ordinal) && !IsInside(fullRoot, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, text))))
                {
                    problems.Add($"{markdownFile}:{lineNumber}: {text}: names a path outside the repository");
                }
            }
        }

        return problems;
    }

    /// <summary>GitHub's anchor for a heading: lower case, markup and punctuation dropped, spaces as hyphens.</summary>
    public static string Slug(string heading)
    {
        var text = InlineLink().Replace(heading, "${text}").Replace("`", string.Empty, StringComparison.Ordinal);
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    private static IEnumerable<string> LinkTargets(string line) =>
        InlineLink().Matches(line).Select(m => m.Groups["target"].Value)
            .Concat(ReferenceDefinition().Matches(line).Select(m => m.Groups["target"].Value))
            .Concat(HtmlLink().Matches(line).Select(m => m.Groups["target"].Value))
            .Select(target => target.Trim('<', '>'));

    private static string? CheckLink(string root, string markdownPath, string target)
    {
        if (Scheme().IsMatch(target))
        {
            return null;
        }

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var pathPart = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        var anchor = hash < 0 ? null : target[(hash + 1)..];
        var resolved = pathPart.Length == 0
            ? markdownPath
            : Path.GetFullPath(pathPart.StartsWith('/') ? Path.Combine(root, pathPart.TrimStart('/')) : Path.Combine(Path.GetDirectoryName(markdownPath)!, pathPart));
        if (!IsInside(root, resolved))
        {
            return "leads outside the repository";
        }

        if (!File.Exists(resolved) && !Directory.Exists(resolved))
        {
            return "does not exist";
        }

        if (anchor is { Length: > 0 } && resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !Anchors(resolved).Contains(anchor))
        {
            return $"names no heading of {Path.GetFileName(resolved)}";
        }

        return null;
    }

    private static HashSet<string> Anchors(string markdownPath)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var line in File.ReadLines(markdownPath))
        {
            if (Fence().IsMatch(line))
            {
                inFence = !inFence;
            }
            else if (!inFence && Heading().Match(line) is { Success: true } heading)
            {
                var slug = Slug(heading.Groups["text"].Value);
                // GitHub numbers repeated headings: slug, slug-1, slug-2...
                var count = seen.GetValueOrDefault(slug);
                seen[slug] = count + 1;
                anchors.Add(count == 0 ? slug : $"{slug}-{count}");
            }
        }

        return anchors;
    }

    private static bool IsInside(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    [GeneratedRegex(@"^\s*(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"(?<!`)`(?<code>[^`]+)`(?!`)")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\((?<target><[^>]*>|[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s*(?<target>\S+)")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"(?:href|src)=""(?<target>[^""]+)""")]
    private static partial Regex HtmlLink();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();
}
