using System.Reflection;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Pipeline.Ingest;

namespace SpineMetsRegistry.FunctionApp.Tests.Support;

/// <summary>The differences between the generated bindings and what the application expects, as readable lines (empty: no drift).</summary>
internal static class BindingDrift
{
    /// <summary>The orchestrations among <see cref="IngestActivityNames"/>: the workflow and its segment sub-orchestrations.</summary>
    public static IReadOnlyList<string> Orchestrations { get; } =
        [nameof(IngestActivityNames.ScheduleGroupSegment), nameof(IngestActivityNames.StoreChunkSegment), nameof(IngestActivityNames.Workflow)];

    /// <summary>The activities the ingest workflow calls: every name of <see cref="IngestActivityNames"/> but the orchestrations'.</summary>
    public static IReadOnlyList<string> WorkflowActivities { get; } =
        [.. typeof(IngestActivityNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && !Orchestrations.Contains(f.Name))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)];

    /// <summary>Activity functions missing for a called activity, and activity functions nothing calls.</summary>
    public static IReadOnlyList<string> Activities(IReadOnlyList<FunctionBinding> functions)
    {
        var bound = functions.Where(f => f.TriggerType == "activityTrigger").Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. WorkflowActivities.Where(a => !bound.Contains(a)).Select(a => $"activity {a} is called by the workflow but has no activity function"),
            .. bound.Where(b => !WorkflowActivities.Contains(b)).Order(StringComparer.Ordinal).Select(b => $"activity function {b} is called by nothing"),
        ];
    }

    /// <summary>Routes of the table without an HTTP function of the same name, method and route, and HTTP functions without a route.</summary>
    public static IReadOnlyList<string> Http(IReadOnlyList<FunctionBinding> functions, IReadOnlyList<ApiRoute> routes)
    {
        var bound = functions.Where(f => f.TriggerType == "httpTrigger")
            .SelectMany(f => f.Methods.Select(m => $"{f.Name} {m} {f.Text("route")}"))
            .ToHashSet(StringComparer.Ordinal);
        var served = routes.Select(r => $"{r.Name} {r.Method} {r.Template}").ToHashSet(StringComparer.Ordinal);
        return
        [
            .. served.Except(bound).Order(StringComparer.Ordinal).Select(r => $"route {r} is served locally but has no HTTP function"),
            .. bound.Except(served).Order(StringComparer.Ordinal).Select(f => $"HTTP function {f} is not in the route table"),
        ];
    }
}
