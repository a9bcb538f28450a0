using Microsoft.Extensions.Configuration;
using Serverless.Functions.Webhooks;

namespace Serverless.Functions.Tests.Webhooks;

public sealed class WebhookSettingsTests
{
    [Fact]
    public void Without_settings_there_is_no_secret_and_bodies_up_to_GitHubs_25_MB_are_read()
    {
        var settings = WebhookSettings.From(Configuration());

        Assert.Null(settings.Secret);
        Assert.Equal(25 * 1024 * 1024, settings.MaxBodyBytes);
    }

    [Fact]
    public void The_secret_and_the_limit_are_read_from_their_settings()
    {
        var settings = WebhookSettings.From(Configuration((WebhookSettings.SecretSetting, "s3cret"), (WebhookSettings.MaxBodyBytesSetting, "4096")));

        Assert.Equal(new WebhookSettings("s3cret", 4096), settings);
    }

    [Theory]
    [InlineData("25MB")]
    [InlineData("0")]
    [InlineData("-1")]
    public void A_limit_that_is_not_a_positive_number_of_bytes_stops_the_start_naming_the_setting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => WebhookSettings.From(Configuration((WebhookSettings.MaxBodyBytesSetting, value))));

        Assert.Equal($"PIPELINES_WEBHOOK_MAX_BYTES must be a positive whole number of bytes (was '{value}').", error.Message);
    }

    private static IConfiguration Configuration(params (string Name, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Name, (string?)s.Value))).Build();
}
