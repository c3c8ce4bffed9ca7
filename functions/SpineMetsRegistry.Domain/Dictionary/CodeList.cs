namespace SpineMetsRegistry.Domain.Dictionary;

/// <summary>A named list of allowed codes, each with a human label.</summary>
public sealed class CodeList
{
    private readonly Dictionary<string, CodeListEntry> _byCode;

    /// <summary>Creates a code list. Codes must be unique ignoring case.</summary>
    public CodeList(string name, IReadOnlyList<CodeListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Name = name;
        Entries = entries;
        _byCode = entries.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The list's name, referenced by fields.</summary>
    public string Name { get; }

    /// <summary>The entries in display order.</summary>
    public IReadOnlyList<CodeListEntry> Entries { get; }

    /// <summary>Finds the canonical entry for a code, matching case-insensitively.</summary>
    public bool TryFind(string code, out CodeListEntry entry) => _byCode.TryGetValue(code, out entry!);
}

/// <summary>One allowed code and its label.</summary>
/// <param name="Code">The canonical code stored and exported.</param>
/// <param name="Label">The label shown to people.</param>
public sealed record CodeListEntry(string Code, string Label);
