namespace Serverless.Core.Integrations.Slack;

/// <summary>Posts messages to Slack incoming webhooks.</summary>
public interface ISlackWebhookClient
{
    /// <param name="webhookUrl">A secret: whoever holds it can post to the channel. It is never logged beyond its host.</param>
    /// <exception cref="SlackWebhookException">Slack answered anything but 2xx.</exception>
    Task PostAsync(Uri webhookUrl, SlackMessage message, CancellationToken cancellationToken = default);
}
