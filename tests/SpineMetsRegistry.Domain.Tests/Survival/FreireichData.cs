using System.Globalization;
using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Tests.Survival;

/// <summary>Reads the Freireich 6-MP leukaemia data and the published tables from TestData.</summary>
internal static class FreireichData
{
    public static IReadOnlyList<SurvivalObservation> SixMp => Read("freireich-6mp.csv");

    public static IReadOnlyList<SurvivalObservation> Placebo => Read("freireich-placebo.csv");

    public static IReadOnlyList<string[]> ExpectedSixMp =>
        Lines("freireich-6mp-expected.csv").Skip(1).Select(l => l.Split(',')).ToList();

    public static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static List<SurvivalObservation> Read(string file) =>
        Lines(file).Skip(1).Select(l => l.Split(',')).Select(f => new SurvivalObservation(int.Parse(f[0], CultureInfo.InvariantCulture), f[1] == "1")).ToList();

    private static IEnumerable<string> Lines(string file) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Survival", "TestData", file)).Where(l => l.Length > 0 && !l.StartsWith('#'));
}
