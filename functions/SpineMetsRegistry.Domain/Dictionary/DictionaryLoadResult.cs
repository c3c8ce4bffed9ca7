namespace SpineMetsRegistry.Domain.Dictionary;

/// <summary>The outcome of loading a dictionary: the dictionary, or every defect found in it.</summary>
public sealed class DictionaryLoadResult
{
    private DictionaryLoadResult(DataDictionary? dictionary, IReadOnlyList<string> errors)
    {
        Dictionary = dictionary;
        Errors = errors;
    }

    /// <summary>The loaded dictionary, or null when <see cref="Errors"/> is not empty.</summary>
    public DataDictionary? Dictionary { get; }

    /// <summary>Defects that prevent using the dictionary.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Whether the dictionary loaded.</summary>
    public bool Succeeded => Dictionary is not null;

    internal static DictionaryLoadResult Success(DataDictionary dictionary) => new(dictionary, []);

    internal static DictionaryLoadResult Failure(IReadOnlyList<string> errors) => new(null, errors);
}
