using Azure.Data.Tables;

namespace SpineMetsRegistry.Storage.Tables;

/// <summary>
/// Reads a RowKey range for the few keys wanted in it, giving up once the range has shown more
/// than a budget of unwanted entities: the caller then reads what lies past the last key
/// scanned another way (point reads, a query per patient). Every key up to the last one
/// scanned has been seen, so the caller's answer stays exact either way.
/// </summary>
internal static class BoundedScan
{
    /// <summary>
    /// Passes each entity of <paramref name="range"/> to <paramref name="take"/> (true: wanted)
    /// until the range ends or more than <paramref name="budget"/> were not wanted; returns the
    /// last RowKey read and whether the whole range was read.
    /// </summary>
    public static async Task<(string? LastScanned, bool Complete)> ReadAsync(IAsyncEnumerable<TableEntity> range, int budget, Func<TableEntity, bool> take)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(take);
        var others = 0;
        string? lastScanned = null;
        await foreach (var entity in range)
        {
            lastScanned = entity.RowKey;
            if (!take(entity) && ++others > budget)
            {
                return (lastScanned, false);
            }
        }

        return (lastScanned, true);
    }
}
