using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Core.Integrations.Slack;
using Serverless.Core.Tests.Integrations.GitHub.Support;
using Serverless.Testing.Slack;

namespace Serverless.Core.Tests.Integrations.Slack;

public sealed class SlackServiceCollectionExtensionsTests
{
    [Fact]
    public async Task The_registered_client_posts_and_no_log_shows_the_webhook_path_even_at_trace()
    {
        await using var slack = await FakeSlackWebhook.StartAsync();
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSlackWebhookClient();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ISlackWebhookClient>();

        await client.PostAsync(slack.WebhookUrl, new SlackMessage("deployed", []));
        await Assert.ThrowsAsync<SlackWebhookException>(() => client.PostAsync(slack.WebhookUrl, new SlackMessage("", [])));

        Assert.Single(slack.Messages);
        Assert.True(logs.Count > 0);
        Assert.DoesNotContain(slack.WebhookUrl.AbsolutePath, logs.AllText);
        Assert.DoesNotContain("/services/", logs.AllText);
    }
}
