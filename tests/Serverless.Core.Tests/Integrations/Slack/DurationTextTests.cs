using Serverless.Core.Integrations.Slack;

namespace Serverless.Core.Tests.Integrations.Slack;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(-5, "under 1s")]
    [InlineData(0, "under 1s")]
    [InlineData(0.4, "under 1s")]
    [InlineData(1, "1s")]
    [InlineData(45, "45s")]
    [InlineData(59.9, "59s")]
    [InlineData(60, "1m")]
    [InlineData(192, "3m 12s")]
    [InlineData(3600, "1h")]
    [InlineData(3900, "1h 5m")]
    [InlineData(3959, "1h 5m")]
    [InlineData(86_400, "1d")]
    [InlineData(183_600, "2d 3h")]
    [InlineData(3_000_000, "34d 17h")]
    public void Humanize(double seconds, string expected)
    {
        Assert.Equal(expected, DurationText.Humanize(TimeSpan.FromSeconds(seconds)));
    }
}
