using System.Diagnostics.CodeAnalysis;

namespace SpineMetsRegistry.Domain.Configuration;

/// <summary>
/// The outcome of <see cref="RegistryPolicies.Create"/>: the resolved policies, or every
/// configuration defect. Follows the Domain's result convention (<see cref="IsSuccess"/>,
/// <see cref="Value"/>, <see cref="Errors"/>).
/// </summary>
public sealed class RegistryPoliciesResult
{
    private RegistryPoliciesResult(RegistryPolicies? value, IReadOnlyList<string> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The policies; present exactly when <see cref="IsSuccess"/>.</summary>
    public RegistryPolicies? Value { get; }

    /// <summary>Every defect, each prefixed with the setting it concerns (empty on success).</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Whether the configuration resolved.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Value is not null;

    internal static RegistryPoliciesResult Success(RegistryPolicies policies) => new(policies, []);

    internal static RegistryPoliciesResult Failure(IReadOnlyList<string> errors) => new(null, errors);
}
