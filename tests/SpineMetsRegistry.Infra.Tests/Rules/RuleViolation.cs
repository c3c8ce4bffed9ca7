namespace SpineMetsRegistry.Infra.Tests.Rules;

/// <summary>One broken expectation about the compiled infrastructure: which rule, about what, and why.</summary>
public sealed record RuleViolation(string Rule, string Subject, string Detail)
{
    public override string ToString() => $"[{Rule}] {Subject}: {Detail}";
}
