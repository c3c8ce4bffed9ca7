using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpineMetsRegistry.Api;
using SpineMetsRegistry.Api.Identity;
using SpineMetsRegistry.Api.Tests.Support;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Pipeline.Ingest.Orchestration;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Storage.Ledger;

namespace SpineMetsRegistry.FollowUp.Tests.Support;

/// <summary>The registry API's shared pipeline over a <see cref="FollowUpWorld"/>'s storage, served as a host serves it.</summary>
internal static class ApiCalls
{
    public static ApiInvoker Registry(FollowUpWorld world)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IBatchLedger>(new TableBatchLedger(world.Clients))
            .AddSingleton(world.Landing)
            .AddSingleton(world.Aggregates)
            .AddSingleton(world.Audit)
            .AddSingleton(world.Schedule)
            .AddSingleton<IFollowUpSweep>(world.NewSweep())
            .AddSingleton(world.Policies)
            .AddSingleton<TimeProvider>(world.Clock)
            .AddSingleton<IIngestProgress>(new NoIngestProgress())
            .AddSingleton<ICallerResolver, ClientPrincipalCallerResolver>();
        services.AddRegistryApi();
        return new ApiInvoker(services.BuildServiceProvider());
    }

    public static IReadOnlyDictionary<string, string?> SiteRoute(string site) => ApiInvoker.Route(("site", site));

    public static RegistryCaller Caller(params string[] roles) => new("test", roles.ToHashSet());

    public static RegistryCaller Site(string code) => Caller(RegistryRoles.Site(code));

    public static RegistryCaller Committee => Caller(RegistryRoles.Committee);

    public static RegistryCaller Operator => Caller(RegistryRoles.Operator);

    public static JsonElement Body(ApiAnswer answer) => answer.Json();
}
