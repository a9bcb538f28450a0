using System.Text.Json;
using Serverless.Runtime.Hosting.CustomHandler;

namespace Serverless.Runtime.Tests.Hosting.CustomHandler;

public sealed class TimerInvocationPayloadTests
{
    [Theory]
    [InlineData("2024-03-02T02:30:00Z", "2024-03-02T02:30:00")]
    [InlineData("2024-03-02T03:30:00+01:00", "2024-03-02T02:30:00")]
    [InlineData("2024-03-02T02:30:00", "2024-03-02T02:30:00")]
    [InlineData("0001-01-01T00:00:00", "0001-01-01T00:00:00")]
    public void Times_are_read_as_utc_whatever_offset_the_host_wrote(string written, string expectedUtc)
    {
        using var payload = JsonDocument.Parse("""{"Data":{"t":{"IsPastDue":false,"ScheduleStatus":{"Next":""" + JsonSerializer.Serialize(written) + "}}}}");

        var timer = TimerInvocationPayload.Read(payload.RootElement, "t");

        Assert.Equal(DateTime.SpecifyKind(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), timer.ScheduleStatus!.Next);
        Assert.Equal(DateTimeKind.Utc, timer.ScheduleStatus.Next.Kind);
        Assert.Equal(default, timer.ScheduleStatus.Last);
    }

    [Theory]
    [InlineData("""{"Data":[]}""", "Data")]
    [InlineData("""{"Data":{"t":"text"}}""", "Data.t")]
    [InlineData("""{"Data":{"t":{"IsPastDue":null}}}""", "Data.t.IsPastDue")]
    [InlineData("""{"Data":{"t":{"IsPastDue":true,"ScheduleStatus":[]}}}""", "Data.t.ScheduleStatus")]
    [InlineData("""{"Data":{"t":{"IsPastDue":true,"ScheduleStatus":{"Last":42}}}}""", "Data.t.ScheduleStatus.Last")]
    [InlineData("""{"Data":{"t":{"IsPastDue":true,"ScheduleStatus":{"LastUpdated":"yesterday"}}}}""", "Data.t.ScheduleStatus.LastUpdated")]
    public void Each_malformed_part_is_named(string json, string field)
    {
        using var payload = JsonDocument.Parse(json);

        var error = Assert.Throws<InvalidInvocationPayloadException>(() => TimerInvocationPayload.Read(payload.RootElement, "t"));

        Assert.Equal(field, error.Field);
        Assert.Contains($"'{field}'", error.Message);
    }
}
