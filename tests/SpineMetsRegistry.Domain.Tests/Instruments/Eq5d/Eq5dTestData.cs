using SpineMetsRegistry.Domain.Instruments.Eq5d;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Eq5d;

internal static class Eq5dTestData
{
    public static Eq5dValueSet ValueSet(Eq5dVersion version, string name)
    {
        Assert.True(Eq5dValueSetCatalog.BuiltIn.TryGet(version, name, out var valueSet), $"value set {name} not in the catalog");
        return valueSet;
    }

    public static Eq5dHealthState State(Eq5dVersion version, string code)
    {
        var parsed = Eq5dHealthState.Parse(version, code);
        Assert.True(parsed.TryGetValue(out var state), parsed.Error?.Message);
        return state;
    }

    public static decimal Index(Eq5dVersion version, string valueSet, string state) =>
        Eq5dIndexCalculator.Score(ValueSet(version, valueSet), State(version, state)).Score!.Index;

    public static Stream Utf8(string json) => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
}
