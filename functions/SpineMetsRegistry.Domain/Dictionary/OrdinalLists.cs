namespace SpineMetsRegistry.Domain.Dictionary;

/// <summary>
/// Membership tests over the dictionary's short lists of codes, as plain loops: they run for
/// every field of every validated row, where LINQ's enumerator and delegate per call were a
/// visible share of the allocations.
/// </summary>
internal static class OrdinalLists
{
    /// <summary>Whether <paramref name="list"/> holds <paramref name="value"/> (ordinal).</summary>
    public static bool Contains(IReadOnlyList<string> list, string? value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any code of <paramref name="list"/> satisfies <paramref name="predicate"/>.</summary>
    public static bool Any(IReadOnlyList<string> list, Func<string, bool> predicate)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (predicate(list[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many codes of <paramref name="list"/> satisfy <paramref name="predicate"/>.</summary>
    public static int Count(IReadOnlyList<string> list, Func<string, bool> predicate)
    {
        var count = 0;
        for (var i = 0; i < list.Count; i++)
        {
            count += predicate(list[i]) ? 1 : 0;
        }

        return count;
    }
}
