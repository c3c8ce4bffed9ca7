using SpineMetsRegistry.Domain.Batches;

namespace SpineMetsRegistry.Domain.Tests.Validation.HostileCorpus;

/// <summary>
/// One hostile batch file: its name, its format, how to build its bytes (large ones are
/// generated at test time, never committed), and the specific problem code it must earn.
/// </summary>
public sealed record HostileFile(string Name, BatchFormat Format, Func<byte[]> Build, string ExpectedCode)
{
    // xUnit shows this in the test name: never the bytes.
    public override string ToString() => Name;
}
