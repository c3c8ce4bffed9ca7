using SpineMetsRegistry.Benchmarks;

return await BenchmarkCommands.RunAsync(args);
