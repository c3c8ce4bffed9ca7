using System.Globalization;
using Azure.Data.Tables;

namespace SpineMetsRegistry.Storage.Tables;

/// <summary>Typed reads of stored properties, failing with the table and key when a required one is missing.</summary>
internal static class EntityReading
{
    /// <summary>The canonical text form of a day.</summary>
    public static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses a day written by <see cref="DayText"/>.</summary>
    public static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Sets a property only when it has a value: the table service stores no nulls, an absent property is the null.</summary>
    public static void SetIfPresent(this TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    public static string RequireString(this TableEntity entity, string name) =>
        entity.GetString(name) ?? throw Missing(entity, name);

    public static int RequireInt32(this TableEntity entity, string name) =>
        entity.GetInt32(name) ?? throw Missing(entity, name);

    public static long RequireInt64(this TableEntity entity, string name) =>
        entity.GetInt64(name) ?? throw Missing(entity, name);

    public static DateTimeOffset RequireDateTimeOffset(this TableEntity entity, string name) =>
        entity.GetDateTimeOffset(name) ?? throw Missing(entity, name);

    public static DateOnly RequireDay(this TableEntity entity, string name) => ParseDay(entity.RequireString(name));

    public static TEnum RequireEnum<TEnum>(this TableEntity entity, string name)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(entity.RequireString(name), ignoreCase: false, out var value)
            ? value
            : throw new InvalidOperationException($"Stored property '{name}' of entity ({entity.PartitionKey}, {entity.RowKey}) is not a {typeof(TEnum).Name}.");

    private static InvalidOperationException Missing(TableEntity entity, string name) =>
        new($"Stored entity ({entity.PartitionKey}, {entity.RowKey}) lacks its required property '{name}'.");
}
