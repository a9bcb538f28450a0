namespace Serverless.Functions.Runs;

/// <summary>
/// The part of a log from a byte offset to what has been written so far, ending on a whole UTF-8 character so a
/// client appending chunks never shows half of one.
/// </summary>
public sealed record LogChunk(byte[] Bytes, long NextOffset)
{
    public const string NextOffsetHeader = "x-log-next-offset";

    public static async Task<LogChunk> ReadAsync(Stream log, long offset, CancellationToken cancellationToken)
    {
        if (!log.CanSeek)
        {
            var copy = new MemoryStream();
            await log.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            log = copy;
        }
        // The length read once bounds the chunk: what a running step appends meanwhile goes in the next one.
        var length = log.Length;
        if (offset >= length) return new LogChunk([], length);
        log.Seek(offset, SeekOrigin.Begin);
        using var buffer = new MemoryStream();
        await CopyAsync(log, buffer, length - offset, cancellationToken);
        var bytes = buffer.ToArray();
        var whole = WholeCharacters(bytes);
        return new LogChunk(whole == bytes.Length ? bytes : bytes[..whole], offset + whole);
    }

    private static async Task CopyAsync(Stream source, Stream destination, long count, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        while (count > 0)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken);
            if (read == 0) break;
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            count -= read;
        }
    }

    /// <summary>How many leading bytes form whole UTF-8 characters (all of them unless the end cuts one).</summary>
    public static int WholeCharacters(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.Length - 1;
        // Walk back over at most three continuation bytes (10xxxxxx) to the lead byte of the last character.
        while (start >= 0 && bytes.Length - start <= 4 && (bytes[start] & 0xC0) == 0x80) start--;
        if (start < 0) return bytes.Length;
        var lead = bytes[start];
        var needed = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 1;
        return bytes.Length - start >= needed ? bytes.Length : start;
    }
}
