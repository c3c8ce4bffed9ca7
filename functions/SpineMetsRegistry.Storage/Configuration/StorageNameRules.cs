using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Storage.Configuration;

/// <summary>Azure's naming rules for tables, blob containers and queues.</summary>
internal static partial class StorageNameRules
{
    /// <summary>Tables: 3-63 letters and digits, starting with a letter.</summary>
    public static bool IsValidTableName(string name) => TablePattern().IsMatch(name);

    /// <summary>Containers and queues: 3-63 lower-case letters, digits and single dashes, starting and ending with a letter or digit.</summary>
    public static bool IsValidContainerOrQueueName(string name) =>
        name.Length is >= 3 and <= 63 && DashedPattern().IsMatch(name) && !name.Contains("--", StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TablePattern();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex DashedPattern();
}
