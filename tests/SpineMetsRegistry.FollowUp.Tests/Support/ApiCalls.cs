using System.Text.Json;
using System.Text.Json.Serialization;
using SpineMetsRegistry.Api.Endpoints;
using SpineMetsRegistry.Api.Identity;
using SpineMetsRegistry.Pipeline.Ingest.Orchestration;
using SpineMetsRegistry.Storage.Ledger;

namespace SpineMetsRegistry.FollowUp.Tests.Support;

/// <summary>The registry API over a <see cref="FollowUpWorld"/>'s storage, and its responses as JSON.</summary>
internal static class ApiCalls
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static RegistryApi Registry(FollowUpWorld world) =>
        new(new TableBatchLedger(world.Clients), world.Landing, world.Aggregates, world.Audit, world.Schedule, world.NewSweep(), world.Policies, world.Clock, new NoIngestProgress());

    public static RegistryCaller Caller(params string[] roles) => new("test", roles.ToHashSet());

    public static RegistryCaller Site(string code) => Caller(RegistryRoles.Site(code));

    public static RegistryCaller Committee => Caller(RegistryRoles.Committee);

    public static RegistryCaller Operator => Caller(RegistryRoles.Operator);

    public static async Task<JsonElement> BodyAsync(ApiResponse response)
    {
        if (response.Content is { } content)
        {
            await using (content)
            {
                using var document = await JsonDocument.ParseAsync(content);
                return document.RootElement.Clone();
            }
        }

        using var serialized = JsonDocument.Parse(JsonSerializer.Serialize(response.Json, Options));
        return serialized.RootElement.Clone();
    }
}
