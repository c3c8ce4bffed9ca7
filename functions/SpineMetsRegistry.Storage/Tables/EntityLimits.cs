using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Data.Tables;

namespace SpineMetsRegistry.Storage.Tables;

/// <summary>
/// Azure Table storage's per-entity limits, checked before a write: at most 252 custom
/// properties (255 with PartitionKey, RowKey and Timestamp), at most 1 MiB by the service's
/// size formula, strings of at most 64 KiB, property names that are identifiers of at most
/// 255 characters. Also estimates the bytes an entity adds to a transaction's request body,
/// so a transaction stays under its 4 MiB limit.
/// </summary>
internal static partial class EntityLimits
{
    /// <summary>Custom properties per entity (255 minus PartitionKey, RowKey, Timestamp).</summary>
    public const int MaxCustomProperties = 252;

    /// <summary>Entity size by the service's formula.</summary>
    public const long MaxEntityBytes = 1024 * 1024;

    /// <summary>Characters in one string property (64 KiB of UTF-16).</summary>
    public const int MaxStringChars = 32 * 1024;

    /// <summary>Characters in a property name.</summary>
    public const int MaxPropertyNameLength = 255;

    private static readonly HashSet<string> SystemProperties = new(StringComparer.Ordinal)
    {
        "PartitionKey", "RowKey", "Timestamp", "odata.etag",
    };

    /// <summary>Throws <see cref="TableEntityLimitException"/> when the entity breaks a limit.</summary>
    public static void Check(string table, ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity is not TableEntity properties)
        {
            return;
        }

        var custom = 0;
        foreach (var (name, value) in properties)
        {
            if (SystemProperties.Contains(name))
            {
                continue;
            }

            custom++;
            if (name.Length > MaxPropertyNameLength || !PropertyNamePattern().IsMatch(name))
            {
                throw Fail(table, entity, $"property name '{Shorten(name)}' is not a valid table property name (an identifier of at most {MaxPropertyNameLength} characters)");
            }

            if (value is string text && text.Length > MaxStringChars)
            {
                throw Fail(table, entity, $"property '{name}' holds {text.Length} characters; a table string property holds at most {MaxStringChars}");
            }
        }

        if (custom > MaxCustomProperties)
        {
            throw Fail(table, entity, $"it has {custom} properties; an entity holds at most {MaxCustomProperties}");
        }

        var size = StorageBytes(properties);
        if (size > MaxEntityBytes)
        {
            throw Fail(table, entity, $"it is {size} bytes by the service's size formula; an entity is at most {MaxEntityBytes} bytes (1 MiB)");
        }
    }

    /// <summary>
    /// The entity's size by Azure's documented formula: 4 bytes, plus 2 bytes per key
    /// character, plus for each property 8 bytes, 2 bytes per name character and its value's size.
    /// </summary>
    public static long StorageBytes(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long size = 4 + (2L * ((entity.PartitionKey?.Length ?? 0) + (entity.RowKey?.Length ?? 0)));
        foreach (var (name, value) in entity)
        {
            if (SystemProperties.Contains(name) || value is null)
            {
                continue;
            }

            size += 8 + (2L * name.Length) + ValueBytes(value);
        }

        return size;
    }

    /// <summary>
    /// An upper bound of the bytes the entity adds to a transaction's JSON request body: each
    /// character as UTF-8 or, if JSON must escape it, as a six-byte escape, plus per-property
    /// and per-operation overhead (type annotations, the changeset part's headers).
    /// </summary>
    public static long PayloadBytes(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        const long operationOverhead = 1024;
        const long propertyOverhead = 48;
        long size = operationOverhead + JsonChars(entity.PartitionKey) + JsonChars(entity.RowKey);
        if (entity is TableEntity properties)
        {
            foreach (var (name, value) in properties)
            {
                size += propertyOverhead + JsonChars(name) + (value is string text ? JsonChars(text) : 64);
            }
        }

        return size;
    }

    private static long ValueBytes(object value) => value switch
    {
        string text => 4 + (2L * text.Length),
        byte[] bytes => 4 + bytes.Length,
        BinaryData data => 4 + data.ToMemory().Length,
        bool => 1,
        int => 4,
        long or double or DateTime or DateTimeOffset => 8,
        Guid => 16,
        _ => 8,
    };

    private static long JsonChars(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        long bytes = 0;
        foreach (var character in text)
        {
            bytes += character is >= ' ' and < (char)0x7F and not '"' and not '\\' and not '<' and not '>' and not '&' and not '\'' and not '+' and not '`' ? 1 : 6;
        }

        return bytes;
    }

    private static TableEntityLimitException Fail(string table, ITableEntity entity, string reason) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"Cannot write entity (PartitionKey '{Shorten(entity.PartitionKey)}', RowKey '{Shorten(entity.RowKey)}') to table '{table}': {reason}. Nothing was written."));

    private static string Shorten(string? text) => text is null ? string.Empty : text.Length <= 80 ? text : text[..80] + "...";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PropertyNamePattern();
}
