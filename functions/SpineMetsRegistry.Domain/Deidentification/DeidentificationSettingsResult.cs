using System.Diagnostics.CodeAnalysis;

namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>
/// The outcome of <see cref="DeidentificationSettings.Create"/>: settings or the problems found.
/// Follows the Domain's result convention (<see cref="IsSuccess"/>, <see cref="Value"/>, <see cref="Errors"/>).
/// </summary>
public sealed class DeidentificationSettingsResult
{
    private DeidentificationSettingsResult(DeidentificationSettings? value, IReadOnlyList<SettingsProblem> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The settings; present exactly when <see cref="IsSuccess"/>.</summary>
    public DeidentificationSettings? Value { get; }

    /// <summary>Every problem found, each with a stable code (all rules are checked, not just the first bad one).</summary>
    public IReadOnlyList<SettingsProblem> Errors { get; }

    /// <summary>Whether the configuration was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Value is not null;

    internal static DeidentificationSettingsResult Success(DeidentificationSettings settings) => new(settings, []);

    internal static DeidentificationSettingsResult Failure(IReadOnlyList<SettingsProblem> problems) => new(null, problems);
}
