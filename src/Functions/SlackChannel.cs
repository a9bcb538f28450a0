using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Serverless.Core.Integrations.Slack;
using Serverless.Functions.Pipelines.Activities;

namespace Serverless.Functions;

/// <summary>
/// One-line announcements to the team's Slack webhook (SLACK_WEBHOOK_URL). Without a webhook it does nothing; a
/// Slack outage is logged, never thrown, because an announcement must not fail the operation it reports.
/// </summary>
public sealed class SlackChannel(ISlackWebhookClient slack, IConfiguration configuration, ILogger<SlackChannel> logger)
{
    /// <returns>True when Slack took the message.</returns>
    public async Task<bool> PostAsync(string text, CancellationToken cancellationToken)
    {
        if (configuration[ReportingActivities.SlackSetting] is not { Length: > 0 } url || !Uri.TryCreate(url, UriKind.Absolute, out var webhook))
            return false;
        try
        {
            await slack.PostAsync(webhook, new SlackMessage(text, []), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is SlackWebhookException or HttpRequestException)
        {
            logger.SlackAnnouncementFailed(e.Message);
            return false;
        }
    }
}

internal static partial class SlackChannelLogs
{
    [LoggerMessage(7401, LogLevel.Warning, "Could not post to Slack: {Error}")]
    public static partial void SlackAnnouncementFailed(this ILogger logger, string error);
}
