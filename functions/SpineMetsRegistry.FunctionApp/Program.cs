using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SpineMetsRegistry.Hosting;

// The Functions app registers exactly what the local host registers (one shared extension);
// the Durable-backed workflow starter is not a service here but is built per queue message
// around that invocation's DurableTaskClient binding (see Ingest/IngestQueueFunction.cs).
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSpineMetsRegistry(builder.Configuration);
builder.Build().Run();
