using System.Diagnostics.CodeAnalysis;

namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>The outcome of <see cref="DeidentificationSettings.Create"/>: settings or the problems found.</summary>
public sealed class DeidentificationSettingsResult
{
    private DeidentificationSettingsResult(DeidentificationSettings? settings, IReadOnlyList<SettingsProblem> problems)
    {
        Settings = settings;
        Problems = problems;
    }

    /// <summary>The settings; present exactly when <see cref="IsValid"/>.</summary>
    public DeidentificationSettings? Settings { get; }

    /// <summary>Every problem found (all rules are checked, not just the first bad one).</summary>
    public IReadOnlyList<SettingsProblem> Problems { get; }

    /// <summary>Whether the configuration was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Settings))]
    public bool IsValid => Settings is not null;

    internal static DeidentificationSettingsResult Success(DeidentificationSettings settings) => new(settings, []);

    internal static DeidentificationSettingsResult Failure(IReadOnlyList<SettingsProblem> problems) => new(null, problems);
}
