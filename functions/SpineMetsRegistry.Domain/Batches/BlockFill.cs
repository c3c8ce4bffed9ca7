namespace SpineMetsRegistry.Domain.Batches;

/// <summary>Reads whole blocks from a stream that may deliver in small pieces (network streams).</summary>
internal static class BlockFill
{
    /// <summary>
    /// Fills <paramref name="buffer"/> up to <paramref name="length"/> bytes, stopping only at
    /// the end of the stream, so the encoding sniff always sees enough bytes: a BOM split
    /// across reads would otherwise end up in the data, and UTF-16 would escape detection.
    /// </summary>
    public static async ValueTask<int> FillAsync(Stream stream, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total, length - total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
