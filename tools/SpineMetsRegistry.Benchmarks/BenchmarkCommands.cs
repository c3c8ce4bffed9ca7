using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SpineMetsRegistry.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tools/SpineMetsRegistry.Benchmarks -- &lt;benchmark&gt; [options]</c>:
/// one command per benchmark, parsed by System.CommandLine as the <c>spinemets</c> CLI is.
/// </summary>
internal static class BenchmarkCommands
{
    /// <summary>Exit code for a command line that could not be understood.</summary>
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = Build().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            await Console.Error.WriteLineAsync("Run with --help for the benchmarks and their options.");
            return UsageError;
        }

        return await parsed.InvokeAsync();
    }

    internal static RootCommand Build()
    {
        var root = new RootCommand("SpineMetsRegistry benchmarks: each prints its figures against a baseline measured in the same run.")
        {
            ValidationMemory(),
            DeidentificationScan(),
            SweepCostCommand(),
            EngineCommand(),
            HotPathCommand(),
            IngestCommand(),
            ApiCommand(),
            MemoryCommand(),
            MemoryChild(),
            AggregateMemoryCommand(),
            AggregateMemoryChild(),
            StepsMemoryCommand(),
            StepsMemoryChild(),
            Generate(),
            ValidationMemoryChild(),
        };
        root.SetAction(_ =>
        {
            Console.Error.WriteLine("Name a benchmark: validation-memory, deid-scan, sweep-cost, engine, hotpath, ingest, api, memory, aggregate-memory, steps-memory or generate (--help for their options).");
            return UsageError;
        });
        return root;
    }

    private static Command ValidationMemory()
    {
        var rows = new Option<int[]>("--rows")
        {
            Description = "Batch sizes in rows, comma-separated; the first is the baseline.",
            DefaultValueFactory = _ => [10_000, 100_000, 1_000_000],
            CustomParser = ParseSizes,
        };
        var format = new Option<string>("--format") { Description = "Batch format.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var command = new Command("validation-memory", "Validates generated batches of each size in a fresh process and prints the peak working set and throughput, as ratios to the smallest size.") { rows, format };
        command.SetAction((result, _) => ValidationMemoryBenchmark.RunAsync(result.GetRequiredValue(rows), result.GetRequiredValue(format)));
        return command;
    }

    private static Command DeidentificationScan()
    {
        var cells = Positive(new Option<int>("--cells") { Description = "Cells to scan.", DefaultValueFactory = _ => 500_000 });
        var command = new Command("deid-scan", "Identifier-scanner throughput and allocation per cell, against the fast path.") { cells };
        command.SetAction(result => DeidentificationScanBenchmark.Run(result.GetValue(cells)));
        return command;
    }

    private static Command SweepCostCommand()
    {
        var days = Positive(new Option<int>("--days") { Description = "Days swept.", DefaultValueFactory = _ => 28 });
        var command = new Command("sweep-cost", "Schedule entities the daily follow-up sweep reads at 10k and 1M scheduled visits, against the visits changing state each day.") { days };
        command.SetAction((result, _) => SweepCost.SweepCostBenchmark.RunAsync(result.GetValue(days)));
        return command;
    }

    private static Command EngineCommand()
    {
        var batches = Positive(new Option<int>("--batches") { Description = "Small batches for the throughput runs.", DefaultValueFactory = _ => 50 });
        var historyPatients = new Option<int[]>("--history-patients")
        {
            Description = "Patients of the two batches whose History rows give the rows per chunk: two sizes, the smaller first.",
            DefaultValueFactory = _ => [400, 4_000],
            CustomParser = ParseSizes,
        };
        historyPatients.Validators.Add(result =>
        {
            // The rows per chunk is a slope between the two batches: it needs two different sizes.
            if (result.GetValueOrDefault<int[]>() is not [var smaller, var larger] || smaller >= larger)
            {
                result.AddError("--history-patients takes two sizes, the smaller first, e.g. 400,4000.");
            }
        });
        var command = new Command("engine", "The local registry on the Durable Task engine: median upload-to-receipt time of 10 100-row batches, small batches per second with 1 and 2 workers, History rows per stored chunk.") { batches, historyPatients };
        command.SetAction((result, _) => EngineBenchmark.RunAsync(result.GetValue(batches), result.GetRequiredValue(historyPatients)));
        return command;
    }

    private static Command HotPathCommand()
    {
        var rows = new Option<int[]>("--rows")
        {
            Description = "Batch sizes in rows, comma-separated; allocation per row is compared between the first and the last, the last gives the headline figure.",
            DefaultValueFactory = _ => [10_000, 100_000],
            CustomParser = ParseSizes,
        };
        var micro = new Option<bool>("--micro") { Description = "Also run BenchmarkDotNet's per-row micro benchmarks (slower)." };
        var command = new Command("hotpath", "Read + validate + de-identification gate + score, rows/s on one core and bytes allocated per row, stage by stage, against Sep tokenising the same bytes.") { rows, micro };
        command.SetAction((result, _) => HotPath.HotPathBenchmark.RunAsync(result.GetRequiredValue(rows), result.GetValue(micro)));
        return command;
    }

    private static Command IngestCommand()
    {
        var rows = Positive(new Option<int>("--rows") { Description = "Rows to ingest in all.", DefaultValueFactory = _ => 100_000 });
        var sites = Positive(new Option<int>("--sites") { Description = "Sites, one batch each.", DefaultValueFactory = _ => 5 });
        sites.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() > 99)
            {
                result.AddError("--sites must be at most 99.");
            }
        });
        var command = new Command("ingest", "Rows/s from upload to every receipt on the local registry (Durable Task engine on Azurite), against writing the same entities straight to the tables with entity-group transactions.") { rows, sites };
        command.SetAction((result, _) => Ingest.IngestBenchmark.RunAsync(result.GetValue(rows), result.GetValue(sites)));
        return command;
    }

    private static Command ApiCommand()
    {
        var visits = new Option<int[]>("--visits")
        {
            Description = "Stored follow-up visits, comma-separated: one registry per size; the first is the baseline.",
            DefaultValueFactory = _ => [10_000, 1_000_000],
            CustomParser = ParseSizes,
        };
        var requests = Positive(new Option<int>("--requests") { Description = "Requests timed per size.", DefaultValueFactory = _ => 400 });
        var command = new Command("api", "p50/p95 latency of the committee's statistics API (every table, filtered and not) at each number of stored visits.") { visits, requests };
        command.SetAction((result, _) => Api.ApiBenchmark.RunAsync(result.GetRequiredValue(visits), result.GetValue(requests)));
        return command;
    }

    private static Command MemoryCommand()
    {
        var rows = new Option<int[]>("--rows")
        {
            Description = "Batch sizes in rows, comma-separated, each ingested end to end in a fresh process; the first is the baseline.",
            DefaultValueFactory = _ => [100_000, 1_000_000],
            CustomParser = ParseSizes,
        };
        var process = new Option<Memory.MemoryProcess>("--process")
        {
            Description = "The process measured: worker (the ingest worker alone, as the Functions app; the default) or local (the whole local host).",
            DefaultValueFactory = _ => Memory.MemoryProcess.Worker,
        };
        var command = new Command("memory", "Peak working set of the registry process while it ingests one batch end to end, at each size.") { rows, process };
        command.SetAction((result, _) => Memory.IngestMemoryBenchmark.RunAsync(result.GetRequiredValue(rows), result.GetRequiredValue(process)));
        return command;
    }

    // The fresh process memory starts per size (not for people).
    private static Command MemoryChild()
    {
        var file = new Argument<string>("file");
        var process = new Argument<Memory.MemoryProcess>("process");
        var command = new Command(Memory.IngestMemoryBenchmark.ChildCommand) { file, process };
        command.Hidden = true;
        command.SetAction((result, _) => Memory.IngestMemoryBenchmark.MeasureInChildAsync(result.GetRequiredValue(file), result.GetRequiredValue(process)));
        return command;
    }

    private static Command AggregateMemoryCommand()
    {
        var rows = new Option<int[]>("--rows")
        {
            Description = "Site sizes in generated rows, comma-separated, each aggregated in a fresh process; the first is the baseline.",
            DefaultValueFactory = _ => [100_000, 1_000_000],
            CustomParser = ParseSizes,
        };
        var command = new Command("aggregate-memory", "Working set and managed heap of the aggregate step alone (site, then pooled) over a generated site of each size, its records read from a file.") { rows };
        command.SetAction((result, _) => Memory.AggregateStepMemoryBenchmark.RunAsync(result.GetRequiredValue(rows)));
        return command;
    }

    // The fresh process aggregate-memory starts per size (not for people).
    private static Command AggregateMemoryChild()
    {
        var file = new Argument<string>("file");
        var rows = new Argument<int>("rows");
        var records = new Argument<int>("records");
        var command = new Command(Memory.AggregateStepMemoryBenchmark.ChildCommand) { file, rows, records };
        command.Hidden = true;
        command.SetAction((result, _) => Memory.AggregateStepMemoryBenchmark.MeasureInChildAsync(result.GetRequiredValue(file), result.GetRequiredValue(rows), result.GetRequiredValue(records)));
        return command;
    }

    private static Command StepsMemoryCommand()
    {
        var rows = new Option<int[]>("--rows")
        {
            Description = "Batch sizes in rows, comma-separated, each in a fresh ingest worker; the first is the baseline.",
            DefaultValueFactory = _ => [100_000, 1_000_000],
            CustomParser = ParseSizes,
        };
        var command = new Command("steps-memory", "Working set and managed heap of each step of one batch's ingest in the ingest worker: the whole-batch steps whole, the first wave of chunk and group activities.") { rows };
        command.SetAction((result, _) => Memory.StepsMemoryBenchmark.RunAsync(result.GetRequiredValue(rows)));
        return command;
    }

    // The fresh process steps-memory starts per size (not for people).
    private static Command StepsMemoryChild()
    {
        var batch = new Argument<string>("batch");
        var stored = new Argument<string>("stored");
        var command = new Command(Memory.StepsMemoryBenchmark.ChildCommand) { batch, stored };
        command.Hidden = true;
        command.SetAction((result, _) => Memory.StepsMemoryBenchmark.MeasureInChildAsync(result.GetRequiredValue(batch), result.GetRequiredValue(stored)));
        return command;
    }

    private static Command Generate()
    {
        var rows = Positive(new Option<int>("--rows") { Description = "Rows to write.", DefaultValueFactory = _ => 1000 });
        var output = new Option<string>("--out") { Description = "The file to write (CSV, or JSON Lines for .jsonl).", DefaultValueFactory = _ => "batch.csv" };
        var site = new Option<string>("--site") { Description = "The site code.", DefaultValueFactory = _ => "S01" };
        var errorRate = new Option<double>("--error-rate") { Description = "Share of rows with a data-entry error (0 to 1).", DefaultValueFactory = _ => 0.01 };
        errorRate.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is < 0 or > 1)
            {
                result.AddError("--error-rate must be between 0 and 1.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 42 };
        var command = new Command("generate", "Writes a synthetic batch for experiments.") { rows, output, site, errorRate, seed };
        command.SetAction(result => ValidationMemoryBenchmark.GenerateCommand(
            result.GetRequiredValue(output), result.GetValue(rows), result.GetRequiredValue(site), result.GetValue(errorRate), result.GetValue(seed)));
        return command;
    }

    // The fresh process validation-memory starts per size (not for people).
    private static Command ValidationMemoryChild()
    {
        var file = new Argument<string>("file");
        var command = new Command(ValidationMemoryBenchmark.ChildCommand) { file };
        command.Hidden = true;
        command.SetAction((result, _) => ValidationMemoryBenchmark.MeasureInChildAsync(result.GetRequiredValue(file)));
        return command;
    }

    private static Option<int> Positive(Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"{option.Name} must be a positive number.");
            }
        });
        return option;
    }

    private static int[] ParseSizes(ArgumentResult result)
    {
        var name = (result.Parent as OptionResult)?.Option.Name ?? "--rows";
        var sizes = new List<int>();
        foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                result.AddError($"{name} takes positive counts separated by commas, e.g. 10000,100000 (not '{part}').");
                return [];
            }

            sizes.Add(size);
        }

        if (sizes.Count == 0)
        {
            result.AddError($"{name} needs at least one size.");
        }

        return [.. sizes];
    }
}
