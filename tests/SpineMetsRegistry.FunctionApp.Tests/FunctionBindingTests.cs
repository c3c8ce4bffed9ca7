using System.Text.Json.Nodes;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.FunctionApp.FollowUp;
using SpineMetsRegistry.FunctionApp.Ingest;
using SpineMetsRegistry.FunctionApp.Tests.Support;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Workflows.Durable;
using SpineMetsRegistry.Storage.Configuration;

namespace SpineMetsRegistry.FunctionApp.Tests;

/// <summary>
/// The generated functions.metadata, host.json and the Bicep deployment against the application
/// itself: the workflow's activities, the ingest queue, the sweep schedule, the HTTP route table
/// and the task hub. Each test fails when one side changes without the other.
/// </summary>
public sealed class FunctionBindingTests
{
    [Fact]
    public void Activities_WorkflowActivityNames_ExactlyOneActivityFunctionEach()
    {
        Assert.Equal(10, BindingDrift.WorkflowActivities.Count);
        Assert.Empty(BindingDrift.Activities(FunctionsMetadata.Functions));
    }

    [Fact]
    public void Orchestrators_TheWorkflowAndItsSegments_AreTheOrchestrationFunctions()
    {
        Assert.Equal(
            new[] { IngestActivityNames.ScheduleGroupSegment, IngestActivityNames.StoreChunkSegment, IngestActivityNames.Workflow }.Order(StringComparer.Ordinal),
            FunctionsMetadata.OfType("orchestrationTrigger").Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void QueueTrigger_IngestQueue_TheQueueBicepCreatesAndTheStorageDefault()
    {
        var trigger = Assert.Single(FunctionsMetadata.OfType("queueTrigger"));

        Assert.Equal(RegistryStorageOptions.DefaultIngestQueueName, trigger.Text("queueName"));
        Assert.Contains(trigger.Text("queueName"), DeployedSettings.Queues);
        Assert.Equal("AzureWebJobsStorage", trigger.Text("connection"));
    }

    [Fact]
    public void TimerTrigger_Schedule_TheConfiguredSweepTimeThroughTheBicepAppSetting()
    {
        var timer = Assert.Single(FunctionsMetadata.OfType("timerTrigger"), f => f.Name != PurgeFunction.Name);
        var configured = LoadShippedPolicies().SweepSchedule;

        // The timer reads the app setting; Bicep sets it from infra/registry.json, which the local host reads.
        Assert.Equal($"%{FollowUpFunctions.ScheduleSetting}%", timer.Text("schedule"));
        Assert.Equal(configured.Ncrontab, DeployedSettings.AppSettings[FollowUpFunctions.ScheduleSetting]);
    }

    [Fact]
    public void TimerTrigger_Purge_RunsDailyBeforeTheSweep()
    {
        var purge = Assert.Single(FunctionsMetadata.OfType("timerTrigger"), f => f.Name == PurgeFunction.Name);

        Assert.Equal(PurgeFunction.DailySchedule, purge.Text("schedule"));
    }

    [Fact]
    public void HttpTriggers_RouteTable_SameNamesMethodsAndRoutesBothWays()
    {
        Assert.Empty(BindingDrift.Http(FunctionsMetadata.Functions, RegistryRoutes.All));
    }

    [Fact]
    public void HttpTriggers_Every_AnonymousBehindAppServiceAuthenticationAndBindsAspNetCoreRequest()
    {
        var http = FunctionsMetadata.OfType("httpTrigger");

        Assert.Equal(RegistryRoutes.All.Count, http.Count);
        Assert.All(http, f => Assert.Equal("Anonymous", f.Text("authLevel"), ignoreCase: true));
        // ASP.NET Core integration: the request binds as HttpRequest, not HttpRequestData.
        Assert.All(typeof(Http.RegistryHttpFunctions).GetMethods().Where(m => m.DeclaringType == typeof(Http.RegistryHttpFunctions)),
            m => Assert.Equal(typeof(Microsoft.AspNetCore.Http.HttpRequest), m.GetParameters()[0].ParameterType));
    }

    [Fact]
    public void TaskHub_HostJson_NamedByTheBicepAppSettingWhichIsTheLocalHub()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(FunctionsMetadata.RepositoryRoot, "host.json")))!;
        var hubName = hostJson["extensions"]!["durableTask"]!["hubName"]!.GetValue<string>();

        Assert.Equal($"%{TaskHubNames.AppSetting}%", hubName);
        Assert.Equal(TaskHubNames.Default, DeployedSettings.AppSettings[TaskHubNames.AppSetting]);
        // The local engine of a registry without a storage prefix runs in that same hub.
        Assert.Equal(TaskHubNames.Default, TaskHubNames.For(tablePrefix: null));
    }

    [Fact]
    public void Functions_Total_TheWorkflowTheStarterTheSweepAndTheRouteTable()
    {
        // 10 activities + 3 orchestrators (workflow, chunk segment, schedule segment) + queue starter
        // + 2 timers (sweep, purge) + one HTTP function per route both hosts serve.
        Assert.Equal(BindingDrift.WorkflowActivities.Count + 6 + RegistryRoutes.All.Count, FunctionsMetadata.Functions.Count);
    }

    [Fact]
    public void Http_FunctionRemovedOrRouteChanged_ReportedAsDrift()
    {
        var drifted = FunctionsMetadata.Read(File.ReadAllText(FunctionsMetadata.Path)
            .Replace("\"sites/{site}/reminders\"", "\"sites/{site}/reminder\"", StringComparison.Ordinal));
        var withoutSweep = FunctionsMetadata.Functions.Where(f => f.Name != RegistryRoutes.Names.RunSweep).ToList();

        Assert.Equal(
            ["route ListReminders GET sites/{site}/reminders is served locally but has no HTTP function", "HTTP function ListReminders GET sites/{site}/reminder is not in the route table"],
            BindingDrift.Http(drifted, RegistryRoutes.All));
        Assert.Equal(["route RunSweep POST operations/sweep is served locally but has no HTTP function"], BindingDrift.Http(withoutSweep, RegistryRoutes.All));
    }

    [Fact]
    public void Activities_FunctionMissing_ReportedAsDrift()
    {
        var withoutSchedule = FunctionsMetadata.Functions.Where(f => f.Name != IngestActivityNames.ScheduleGroup).ToList();

        Assert.Equal([$"activity {IngestActivityNames.ScheduleGroup} is called by the workflow but has no activity function"], BindingDrift.Activities(withoutSchedule));
    }

    private static RegistryPolicies LoadShippedPolicies()
    {
        var loaded = RegistryConfigurationLoader.LoadFile(Path.Combine(FunctionsMetadata.RepositoryRoot, "infra", "registry.json"));
        var created = RegistryPolicies.Create(loaded.Value ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors)));
        return created.Value ?? throw new InvalidOperationException(string.Join("; ", created.Errors));
    }
}
