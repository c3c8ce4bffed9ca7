using SpineMetsRegistry.Api.Identity;

namespace SpineMetsRegistry.Api.Tests.Support;

internal static class Callers
{
    public static RegistryCaller With(string name, params string[] roles) => new(name, roles.ToHashSet(StringComparer.Ordinal));

    public static RegistryCaller Committee { get; } = With("chair", RegistryRoles.Committee);

    public static RegistryCaller Operator { get; } = With("ops", RegistryRoles.Operator);

    public static RegistryCaller Site(string code) => With("dm-" + code, RegistryRoles.Site(code));
}
