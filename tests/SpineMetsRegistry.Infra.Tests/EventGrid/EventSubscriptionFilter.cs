using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.EventGrid;

/// <summary>
/// The filter of an Event Grid subscription, evaluated the way Event Grid does: event type in the
/// included list, subject prefix (case-insensitive by default), and every advanced filter.
/// </summary>
public sealed record EventSubscriptionFilter(
    IReadOnlyList<string>? IncludedEventTypes,
    string? SubjectBeginsWith,
    string? SubjectEndsWith,
    IReadOnlyList<AdvancedFilter> AdvancedFilters)
{
    public static EventSubscriptionFilter Of(PredictedResource subscription)
    {
        var advanced = (subscription.Value("properties.filter.advancedFilters") as List<object?> ?? [])
            .OfType<Dictionary<string, object?>>()
            .Select(filter => new AdvancedFilter(
                filter.GetValueOrDefault("operatorType") as string ?? string.Empty,
                filter.GetValueOrDefault("key") as string ?? string.Empty,
                (filter.GetValueOrDefault("values") as List<object?> ?? []).Select(value => value as string ?? string.Empty).ToList()))
            .ToList();
        return new EventSubscriptionFilter(
            (subscription.Value("properties.filter.includedEventTypes") as List<object?>)?.Select(t => t as string ?? string.Empty).ToList(),
            subscription.Value("properties.filter.subjectBeginsWith") as string,
            subscription.Value("properties.filter.subjectEndsWith") as string,
            advanced);
    }

    public bool Delivers(StorageEvent storageEvent) =>
        (IncludedEventTypes is null || IncludedEventTypes.Contains(storageEvent.EventType, StringComparer.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(SubjectBeginsWith) || storageEvent.Subject.StartsWith(SubjectBeginsWith, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(SubjectEndsWith) || storageEvent.Subject.EndsWith(SubjectEndsWith, StringComparison.OrdinalIgnoreCase))
        && AdvancedFilters.All(filter => filter.Matches(storageEvent));
}

/// <summary>One advanced filter (operator, key, values); unknown operators or keys throw.</summary>
public sealed record AdvancedFilter(string OperatorType, string Key, IReadOnlyList<string> Values)
{
    public bool Matches(StorageEvent storageEvent)
    {
        var actual = Key switch
        {
            "data.api" => storageEvent.Api,
            "subject" => storageEvent.Subject,
            "eventType" => storageEvent.EventType,
            _ => throw new NotSupportedException($"Advanced filter key '{Key}' is not modelled."),
        };
        return OperatorType switch
        {
            "StringIn" => Values.Any(value => string.Equals(actual, value, StringComparison.OrdinalIgnoreCase)),
            "StringNotIn" => !Values.Any(value => string.Equals(actual, value, StringComparison.OrdinalIgnoreCase)),
            "StringContains" => Values.Any(value => actual.Contains(value, StringComparison.OrdinalIgnoreCase)),
            "StringBeginsWith" => Values.Any(value => actual.StartsWith(value, StringComparison.OrdinalIgnoreCase)),
            "StringEndsWith" => Values.Any(value => actual.EndsWith(value, StringComparison.OrdinalIgnoreCase)),
            _ => throw new NotSupportedException($"Advanced filter operator '{OperatorType}' is not modelled."),
        };
    }
}
