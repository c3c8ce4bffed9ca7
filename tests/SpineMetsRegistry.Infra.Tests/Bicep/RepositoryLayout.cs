using System.Reflection;

namespace SpineMetsRegistry.Infra.Tests.Bicep;

/// <summary>Where the repository, its infra folder and this project's test data live.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = ReadMetadata("RepositoryRoot");

    public static string InfraDirectory => Path.Combine(Root, "infra");

    public static string TestDataDirectory => Path.Combine(Root, "tests", "SpineMetsRegistry.Infra.Tests", "TestData");

    internal static string ReadMetadata(string key)
    {
        var value = typeof(RepositoryLayout).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value;
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"Assembly metadata '{key}' is missing; it is set by the test project file.");
        }

        return value;
    }
}
