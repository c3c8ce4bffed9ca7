using SpineMetsRegistry.Infra.Tests.Abac;

namespace SpineMetsRegistry.Infra.Tests.Rules;

/// <summary>A request and whether the role assignment under test must allow it.</summary>
public sealed record AccessProbe(BlobRequest Request, bool MustBeAllowed)
{
    public override string ToString() => $"{(MustBeAllowed ? "allow" : "deny")} {Request}";
}
