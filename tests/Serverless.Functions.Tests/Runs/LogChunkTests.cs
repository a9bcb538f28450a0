using System.Text;
using Serverless.Functions.Runs;

namespace Serverless.Functions.Tests.Runs;

public sealed class LogChunkTests
{
    [Theory]
    [InlineData("", 0, "", 0)]
    [InlineData("line 1\nline 2\n", 0, "line 1\nline 2\n", 14)]
    [InlineData("line 1\nline 2\n", 7, "line 2\n", 14)]
    [InlineData("line 1\n", 7, "", 7)]
    [InlineData("line 1\n", 99, "", 7)]
    public async Task A_chunk_is_the_log_from_the_offset_and_says_where_the_next_one_starts(string log, long offset, string expected, long next)
    {
        var chunk = await LogChunk.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(log)), offset, CancellationToken.None);

        Assert.Equal((expected, next), (Encoding.UTF8.GetString(chunk.Bytes), chunk.NextOffset));
    }

    [Fact]
    public async Task A_character_cut_by_the_end_of_what_was_written_is_left_for_the_next_chunk()
    {
        var bytes = Encoding.UTF8.GetBytes("build ✓ 🚀");
        var written = bytes[..^2]; // half of the rocket so far

        var first = await LogChunk.ReadAsync(new MemoryStream(written), 0, CancellationToken.None);
        var second = await LogChunk.ReadAsync(new MemoryStream(bytes), first.NextOffset, CancellationToken.None);

        Assert.Equal("build ✓ ", Encoding.UTF8.GetString(first.Bytes));
        Assert.Equal("🚀", Encoding.UTF8.GetString(second.Bytes));
        Assert.Equal(bytes.Length, second.NextOffset);
    }

    [Theory]
    [InlineData(new byte[] { 0x61 }, 1)]
    [InlineData(new byte[] { 0x61, 0xE2, 0x9C }, 1)]
    [InlineData(new byte[] { 0xE2, 0x9C, 0x93 }, 3)]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x9A }, 0)]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80 }, 5)]
    public void Whole_characters_stop_before_a_cut_sequence(byte[] bytes, int expected)
    {
        Assert.Equal(expected, LogChunk.WholeCharacters(bytes));
    }
}
