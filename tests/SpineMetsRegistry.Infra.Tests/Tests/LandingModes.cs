namespace SpineMetsRegistry.Infra.Tests.Tests;

/// <summary>Both landing modes, for theories that must hold in each.</summary>
public static class LandingModes
{
    public static TheoryData<string> All => new() { "container", "account" };
}
