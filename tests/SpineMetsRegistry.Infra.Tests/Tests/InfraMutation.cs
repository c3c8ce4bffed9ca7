namespace SpineMetsRegistry.Infra.Tests.Tests;

/// <summary>
/// A deliberate defect in one infra file (replace exactly one snippet) and the rule that must
/// catch it. Each one proves a rule fails when the behaviour it guards breaks.
/// </summary>
public sealed record InfraMutation(string Name, string LandingMode, string File, string Find, string Replace, string ExpectedRule)
{
    public override string ToString() => Name;
}
