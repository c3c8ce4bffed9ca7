using System.Globalization;
using Microsoft.AspNetCore.Http;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.Aggregates;

namespace SpineMetsRegistry.Api.Aggregates;

/// <summary>The aggregate tables of a scope, each through the registry's disclosure control.</summary>
public sealed class AggregateEndpoints(IAggregateStore aggregates, RegistryPolicies policies)
{
    /// <summary>Every table of the authorized scope, published.</summary>
    public async Task<IResult> GetAsync(ApiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var disclosure = policies.Disclosure;
        var tables = new List<PublishedTable>();
        DateTimeOffset? computedAt = null;
        await foreach (var document in aggregates.ListAsync(call.Scope, call.Aborted))
        {
            tables.Add(disclosure.Publish(AggregateJson.Deserialize(document.Json)));
            computedAt = computedAt is null || document.ComputedAt > computedAt ? document.ComputedAt : computedAt;
        }

        call.Audited(call.Scope, string.Create(CultureInfo.InvariantCulture, $"{tables.Count} tables, threshold {disclosure.Threshold}"));
        return ApiResults.Ok(new
        {
            scope = call.Scope,
            computedAt,
            suppressionThreshold = disclosure.Threshold,
            tables = tables.OrderBy(t => t.Name, StringComparer.Ordinal),
        });
    }
}
