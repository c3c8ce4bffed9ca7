using System.Diagnostics.CodeAnalysis;

namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>One problem found while loading a definition or resolving settings.</summary>
/// <param name="Path">Where the problem is (a JSON path such as <c>$.decrements.MO</c>, or a setting name).</param>
/// <param name="Message">What is wrong.</param>
public sealed record LoadError(string Path, string Message);

/// <summary>
/// The result of loading a data-driven definition (an EQ-5D value set, a SOSGOQ definition)
/// or resolving settings: the loaded value, or every problem found. Follows the Domain's result
/// convention (<see cref="IsSuccess"/>, <see cref="Value"/>, <see cref="Errors"/>).
/// </summary>
/// <typeparam name="T">The loaded type.</typeparam>
public sealed record LoadResult<T>
    where T : class
{
    internal LoadResult(T? value, IReadOnlyList<LoadError> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The loaded value, or <c>null</c> when there were errors.</summary>
    public T? Value { get; }

    /// <summary>Every problem found (empty on success).</summary>
    public IReadOnlyList<LoadError> Errors { get; }

    /// <summary>True when the value loaded without errors.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Value is not null;
}

/// <summary>Factories for <see cref="LoadResult{T}"/>.</summary>
public static class LoadResult
{
    /// <summary>A successful load.</summary>
    /// <typeparam name="T">The loaded type.</typeparam>
    /// <param name="value">The value.</param>
    public static LoadResult<T> Success<T>(T value)
        where T : class => new(value, []);

    /// <summary>A failed load with every problem found.</summary>
    /// <typeparam name="T">The type being loaded.</typeparam>
    /// <param name="errors">At least one error.</param>
    public static LoadResult<T> Failure<T>(IReadOnlyList<LoadError> errors)
        where T : class => new(null, errors);
}
