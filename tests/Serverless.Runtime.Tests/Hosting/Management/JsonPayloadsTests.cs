using System.Text.Json.Nodes;
using Serverless.Runtime.Hosting.Management;

namespace Serverless.Runtime.Tests.Hosting.Management;

public sealed class JsonPayloadsTests
{
    [Theory]
    [InlineData(null, "null")]
    [InlineData("""{"a":1}""", """{"a":1}""")]
    [InlineData("[1,2]", "[1,2]")]
    [InlineData("\"quoted\"", "\"quoted\"")]
    [InlineData("42", "42")]
    [InlineData("superseded by a newer push", "\"superseded by a newer push\"")]
    [InlineData("  ", "\"\"")]
    [InlineData("{broken", "\"{broken\"")]
    public void Stored_values_are_shown_as_JSON_when_they_are_JSON_and_as_the_raw_string_otherwise(string? stored, string shown)
    {
        var node = JsonPayloads.Parse(stored);

        Assert.Equal(shown, node?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Status_times_have_whole_seconds_and_history_times_full_precision_in_UTC()
    {
        var time = new DateTimeOffset(2018, 2, 28, 7, 18, 53, TimeSpan.FromHours(2)).AddTicks(8910810);

        Assert.Equal("2018-02-28T05:18:53Z", JsonPayloads.StatusTime(time));
        Assert.Equal("2018-02-28T05:18:53.891081Z", JsonPayloads.HistoryTime(time));
    }
}
