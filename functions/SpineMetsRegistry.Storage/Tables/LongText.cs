using System.Globalization;
using System.Text;
using Azure.Data.Tables;

namespace SpineMetsRegistry.Storage.Tables;

/// <summary>
/// Stores text longer than one string property allows (64 KiB) across numbered properties:
/// <c>Name</c>, <c>Name__1</c>, <c>Name__2</c>..., with <c>Name__parts</c> giving the count
/// when there is more than one. The entity as a whole still has to fit 1 MiB
/// (<see cref="EntityLimits"/> checks that). Entities carrying long text are always written
/// whole (replace), so no part of an earlier, longer text can linger.
/// </summary>
internal static class LongText
{
    // Below the 32,768-character limit, and never splits a surrogate pair (see Write).
    private const int PartChars = 30_000;

    /// <summary>Writes <paramref name="text"/> (nothing when null).</summary>
    public static void Write(TableEntity entity, string name, string? text)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (text is null)
        {
            return;
        }

        var part = 0;
        var start = 0;
        do
        {
            var length = Math.Min(PartChars, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            entity[PartName(name, part)] = text.Substring(start, length);
            start += length;
            part++;
        }
        while (start < text.Length);

        if (part > 1)
        {
            entity[name + "__parts"] = part;
        }
    }

    /// <summary>Reads text written by <see cref="Write"/>, or null when absent.</summary>
    public static string? Read(TableEntity entity, string name)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var first = entity.GetString(name);
        if (first is null)
        {
            return null;
        }

        var parts = entity.GetInt32(name + "__parts") ?? 1;
        if (parts == 1)
        {
            return first;
        }

        var builder = new StringBuilder(first);
        for (var part = 1; part < parts; part++)
        {
            builder.Append(entity.GetString(PartName(name, part))
                ?? throw new InvalidOperationException($"Stored text '{name}' is missing part {part} of {parts}."));
        }

        return builder.ToString();
    }

    private static string PartName(string name, int part) =>
        part == 0 ? name : name + "__" + part.ToString(CultureInfo.InvariantCulture);
}
