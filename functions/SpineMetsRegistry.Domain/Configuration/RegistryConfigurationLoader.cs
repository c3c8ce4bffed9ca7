using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Domain.Configuration;

/// <summary>
/// The outcome of loading the registry configuration: the configuration, or every defect in it.
/// Follows the Domain's result convention (<see cref="IsSuccess"/>, <see cref="Value"/>, <see cref="Errors"/>).
/// </summary>
public sealed class RegistryConfigurationResult
{
    private RegistryConfigurationResult(RegistryConfiguration? value, IReadOnlyList<string> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The configuration; present exactly when <see cref="IsSuccess"/>.</summary>
    public RegistryConfiguration? Value { get; }

    /// <summary>Defects that make it unusable (empty on success).</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Whether the configuration is usable.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Value is not null;

    /// <summary>A usable configuration.</summary>
    /// <param name="configuration">The checked configuration.</param>
    public static RegistryConfigurationResult Success(RegistryConfiguration configuration) => new(configuration, []);

    /// <summary>An unusable configuration with every defect.</summary>
    /// <param name="errors">At least one defect.</param>
    public static RegistryConfigurationResult Failure(IReadOnlyList<string> errors) => new(null, errors);
}

/// <summary>Reads and checks infra/registry.json, so a misconfigured registry fails at start-up with every defect listed.</summary>
public static partial class RegistryConfigurationLoader
{
    /// <summary>The options used to read the file (camelCase, enums as strings, comments allowed).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Loads a configuration from JSON.</summary>
    public static RegistryConfigurationResult Load(Stream json)
    {
        RegistryConfiguration? configuration;
        try
        {
            configuration = JsonSerializer.Deserialize<RegistryConfiguration>(json, JsonOptions);
        }
        catch (JsonException exception)
        {
            return RegistryConfigurationResult.Failure([$"The registry configuration is not valid JSON: {exception.Message}"]);
        }

        if (configuration is null)
        {
            return RegistryConfigurationResult.Failure(["The registry configuration is empty."]);
        }

        var errors = Check(configuration).ToList();
        errors.AddRange(RegistryPolicies.Create(configuration).Errors);
        return errors.Count == 0 ? RegistryConfigurationResult.Success(configuration) : RegistryConfigurationResult.Failure(errors);
    }

    /// <summary>Loads a configuration file.</summary>
    public static RegistryConfigurationResult LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            return RegistryConfigurationResult.Failure([$"The registry configuration file {path} does not exist."]);
        }

        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    private static IEnumerable<string> Check(RegistryConfiguration configuration)
    {
        if (configuration.Sites.Count == 0)
        {
            yield return "The registry configuration lists no sites.";
        }

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var site in configuration.Sites)
        {
            if (!SiteCode().IsMatch(site.Code))
            {
                yield return $"Site code '{site.Code}' must be S followed by two or three digits (e.g. S03).";
            }

            if (!codes.Add(site.Code))
            {
                yield return $"Site code {site.Code} is listed twice.";
            }

            string? patternError = null;
            if (string.IsNullOrWhiteSpace(site.StudyIdPattern))
            {
                patternError = $"Site {site.Code} has no studyIdPattern.";
            }
            else
            {
                try
                {
                    _ = Validation.BatchValidationContext.CompileStudyIdPattern(site.StudyIdPattern);
                }
                catch (ArgumentException)
                {
                    patternError = $"Site {site.Code} has a studyIdPattern that is not a valid regular expression.";
                }
                catch (NotSupportedException)
                {
                    patternError = $"Site {site.Code} has a studyIdPattern using constructs the registry does not allow (backreferences or lookarounds).";
                }
            }

            if (patternError is not null)
            {
                yield return patternError;
            }

            foreach (var error in CheckNotifications(site))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<string> CheckNotifications(SiteConfiguration site)
    {
        if (site.Notifications is null)
        {
            yield return $"Site {site.Code} has \"notifications\": null; leave it out, or give {{ \"contacts\": [...], \"paused\": false }}.";
            yield break;
        }

        if (site.Notifications.Contacts is null)
        {
            yield return $"Site {site.Code} has \"notifications.contacts\": null; write [] for no contacts.";
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < site.Notifications.Contacts.Count; i++)
        {
            // The position, not the value, is named: an address is a person's identifier.
            var contact = site.Notifications.Contacts[i];
            if (!ContactAddress.IsBare(contact))
            {
                yield return $"Site {site.Code} notification contact #{i + 1} is not a bare e-mail address (write name@host, without a display name or spaces).";
            }
            else if (!seen.Add(contact))
            {
                yield return $"Site {site.Code} notification contact #{i + 1} repeats an earlier contact.";
            }
        }
    }

    [GeneratedRegex("^S[0-9]{2,3}$")]
    private static partial Regex SiteCode();
}
