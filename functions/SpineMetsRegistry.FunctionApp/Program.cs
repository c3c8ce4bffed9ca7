using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SpineMetsRegistry.Api.Identity;
using SpineMetsRegistry.FunctionApp.Ingest;
using SpineMetsRegistry.Hosting;
using SpineMetsRegistry.Pipeline.Ingest.Orchestration;

// The Functions app registers exactly what the local host registers (one shared extension) plus
// who the caller is here: App Service Authentication's principal. The Durable-backed workflow
// starter is not a service here but is built per queue message around that invocation's
// DurableTaskClient binding (see Ingest/IngestQueueFunction.cs).
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSpineMetsRegistry(builder.Configuration);
builder.Services.AddSingleton<ICallerResolver, ClientPrincipalCallerResolver>();
// A running batch's progress through the invocation's durable client (the batch HTTP functions bind one).
builder.Services.AddSingleton<IIngestProgress, InvocationIngestProgress>();
builder.Build().Run();
