using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SpineMetsRegistry.Domain.Instruments;

namespace SpineMetsRegistry.Cli.Commands.Score;

/// <summary>Writes score results as one camelCase JSON object per line and maps them to exit codes.</summary>
internal static class ScoreOutput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Console output, never embedded in HTML: keep apostrophes and '<' readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void WriteLine<T>(CliConsole console, T value) => console.Output.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>Prints a result; a result that is not computable also explains itself on standard error.</summary>
    public static int Write<TScore>(CliConsole console, ScoreResult<TScore> result)
        where TScore : class
    {
        WriteLine(console, result);
        if (result.Failure is { } failure)
        {
            console.Error.WriteLine($"{result.Instrument}: {failure.Message}");
            return SpineMetsCommandLine.ProblemsFound;
        }

        return SpineMetsCommandLine.Success;
    }

    public static int UsageError(CliConsole console, string message)
    {
        console.Error.WriteLine(message);
        return SpineMetsCommandLine.UsageError;
    }
}
