using System.Diagnostics.CodeAnalysis;

namespace SpineMetsRegistry.Domain.Dictionary;

/// <summary>
/// The outcome of loading a dictionary: the dictionary, or every defect found in it. Follows the
/// Domain's result convention (<see cref="IsSuccess"/>, <see cref="Value"/>, <see cref="Errors"/>,
/// <see cref="Success"/>/<see cref="Failure"/>).
/// </summary>
public sealed class DictionaryLoadResult
{
    private DictionaryLoadResult(DataDictionary? value, IReadOnlyList<string> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The loaded dictionary; present exactly when <see cref="IsSuccess"/>.</summary>
    public DataDictionary? Value { get; }

    /// <summary>Defects that prevent using the dictionary (empty on success).</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Whether the dictionary loaded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Value is not null;

    internal static DictionaryLoadResult Success(DataDictionary dictionary) => new(dictionary, []);

    internal static DictionaryLoadResult Failure(IReadOnlyList<string> errors) => new(null, errors);
}
