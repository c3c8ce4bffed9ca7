namespace SpineMetsRegistry.Domain.Validation;

/// <summary>
/// Shared boxes for the typed values most cells hold: whole numbers from 0 to 1,023 (scores,
/// levels, counts, days) and yes/no. A record keeps its values as objects, so every typed cell
/// used to box; a box never changes, so one per value serves every record.
/// </summary>
internal static class BoxedValues
{
    private const int CachedIntegers = 1024;

    private static readonly object[] Integers = CreateIntegers();

    private static readonly object True = true;

    private static readonly object False = false;

    /// <summary>A box holding <paramref name="value"/> (shared for 0 to 1,023).</summary>
    public static object Of(long value) => value is >= 0 and < CachedIntegers ? Integers[value] : value;

    /// <summary>A shared box holding <paramref name="value"/>.</summary>
    public static object Of(bool value) => value ? True : False;

    private static object[] CreateIntegers()
    {
        var boxes = new object[CachedIntegers];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = (long)i;
        }

        return boxes;
    }
}
