namespace SpineMetsRegistry.Benchmarks;

/// <summary>Dispatches the benchmark named on the command line.</summary>
internal static class BenchmarkCommands
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync("""
                Usage: dotnet run -c Release --project tools/SpineMetsRegistry.Benchmarks -- <benchmark> [options]
                  validation-memory [--rows 10000,100000,1000000] [--format csv|jsonl]
                      Validates generated batches of each size in a fresh process and prints the
                      peak working set and throughput, as ratios to the smallest size.
                  deid-scan [--cells 500000]
                      Identifier-scanner throughput and allocation per cell, against the fast path.
                  sweep-cost [--days 28]
                      Schedule entities the daily follow-up sweep reads (counted through the
                      storage port) at 10k and 1M scheduled visits, against the visits changing
                      state each day.
                  engine [--batches 50]
                      The local registry on the Durable Task engine (in-memory Azurite): median
                      upload-to-receipt time of 10 100-row batches, small batches per second with
                      1 and 2 workers, History rows per stored chunk.
                  generate --rows N --out FILE [--site S01] [--error-rate 0.01] [--seed 42]
                      Writes a synthetic batch (CSV or .jsonl by extension) for experiments.
                """);
            return 2;
        }

        return args[0] switch
        {
            "validation-memory" => await ValidationMemoryBenchmark.RunAsync(args[1..]),
            "deid-scan" => DeidentificationScanBenchmark.Run(args[1..]),
            "sweep-cost" => await SweepCost.SweepCostBenchmark.RunAsync(args[1..]),
            "engine" => await EngineBenchmark.RunAsync(args[1..]),
            "generate" => ValidationMemoryBenchmark.GenerateCommand(args[1..]),
            ValidationMemoryBenchmark.ChildCommand => await ValidationMemoryBenchmark.RunChildAsync(args[1..]),
            _ => Unknown(args[0]),
        };
    }

    private static int Unknown(string name)
    {
        Console.Error.WriteLine($"Unknown benchmark '{name}'.");
        return 2;
    }
}
