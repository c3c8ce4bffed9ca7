using SpineMetsRegistry.Domain.Configuration;

namespace SpineMetsRegistry.Cli.Commands;

/// <summary>
/// Finds the registry configuration for offline commands: an explicit --config file, else
/// the SPINEMETS_CONFIG environment variable, else infra/registry.json in the current
/// directory or one of its parents (a checkout of the registry).
/// </summary>
internal static class RegistryConfigurationLocator
{
    public const string EnvironmentVariable = "SPINEMETS_CONFIG";

    public static string? Find(FileInfo? explicitFile)
    {
        if (explicitFile is not null)
        {
            return explicitFile.FullName;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "infra", "registry.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static RegistryConfigurationResult? Load(FileInfo? explicitFile)
    {
        var path = Find(explicitFile);
        return path is null ? null : RegistryConfigurationLoader.LoadFile(path);
    }
}
