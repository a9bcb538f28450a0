using Serverless.Core.Pipelines;
using Serverless.Core.Pipelines.Parsing;

namespace Serverless.Core.Tests.Pipelines;

public sealed class DurationSyntaxTests
{
    public static TheoryData<string, TimeSpan> Durations => new()
    {
        { "500ms", TimeSpan.FromMilliseconds(500) },
        { "30s", TimeSpan.FromSeconds(30) },
        { "15m", TimeSpan.FromMinutes(15) },
        { "24h", TimeSpan.FromHours(24) },
        { "72h", TimeSpan.FromHours(72) },
        { "7d", TimeSpan.FromDays(7) },
        { "1h30m", TimeSpan.FromMinutes(90) },
        { "1m30s", TimeSpan.FromSeconds(90) },
        { "2s500ms", TimeSpan.FromMilliseconds(2500) },
        { "1d2h3m4s5ms", new TimeSpan(1, 2, 3, 4, 5) },
        { "0s", TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void Reads_numbers_with_units(string text, TimeSpan expected)
    {
        Assert.True(DurationSyntax.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("15")]
    [InlineData("m")]
    [InlineData("1.5h")]
    [InlineData("-5m")]
    [InlineData("15 m")]
    [InlineData("15M")]
    [InlineData("30m1h")]
    [InlineData("1h1h")]
    [InlineData("15min")]
    [InlineData("PT15M")]
    [InlineData("00:15:00")]
    [InlineData("999999999d")]
    public void Refuses_anything_else(string text)
    {
        Assert.False(DurationSyntax.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(500, "500ms")]
    [InlineData(90_000, "1m30s")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(259_200_000, "3d")]
    [InlineData(90_061_001, "1d1h1m1s1ms")]
    public void Formats_as_it_reads(long milliseconds, string expected)
    {
        var value = TimeSpan.FromMilliseconds(milliseconds);

        Assert.Equal(expected, DurationSyntax.Format(value));
        Assert.True(DurationSyntax.TryParse(expected, out var back));
        Assert.Equal(value, back);
    }

    [Theory]
    [InlineData("1%", 1)]
    [InlineData("1", 1)]
    [InlineData("0.5%", 0.5)]
    [InlineData("100%", 100)]
    [InlineData(" 5 % ", 5)]
    public void Percentages_read_with_or_without_the_sign(string text, double expected)
    {
        Assert.True(PercentageSyntax.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%")]
    [InlineData("one")]
    [InlineData("1%%")]
    [InlineData("1,5%")]
    [InlineData("0.5.1")]
    public void Percentages_refuse_anything_else(string text)
    {
        Assert.False(PercentageSyntax.TryParse(text, out _));
    }

    [Fact]
    public void Both_percentage_forms_reach_the_model()
    {
        var pipeline = PipelineYaml.Valid("""
            name: shop
            services:
              - name: api
                run: ./api
            checks:
              coverage: { minimum: 72.5 }
            environments:
              production: { branch: main, strategy: canary, canary: { maxErrorRate: 0.5%, steps: [25%, 100] } }
            """);

        Assert.Equal(72.5, pipeline.Checks.Coverage!.Minimum);
        Assert.Equal(0.5, pipeline.Environments[0].Canary!.MaxErrorRate);
        Assert.Equal([25, 100], pipeline.Environments[0].Canary!.Steps);
    }
}
