using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Serverless.Core.Integrations.Slack;
using Serverless.Functions.Pipelines.Activities;

namespace Serverless.Functions;

/// <summary>
/// One-line announcements to the team's Slack webhook (SLACK_WEBHOOK_URL). Without a webhook it does nothing. A Slack
/// that refuses, fails or is slow is logged and given up on after <see cref="Timeout"/>, never thrown: an
/// announcement must not fail, or hold up, the operation it reports.
/// </summary>
public sealed class SlackChannel(ISlackWebhookClient slack, IConfiguration configuration, ILogger<SlackChannel> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <returns>True when Slack took the message.</returns>
    public async Task<bool> PostAsync(string text, CancellationToken cancellationToken)
    {
        if (configuration[ReportingActivities.SlackSetting] is not { Length: > 0 } url || !Uri.TryCreate(url, UriKind.Absolute, out var webhook))
            return false;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout);
        try
        {
            await slack.PostAsync(webhook, new SlackMessage(text, []), limit.Token);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.SlackAnnouncementFailed(e is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : e.Message);
            return false;
        }
    }
}

internal static partial class SlackChannelLogs
{
    [LoggerMessage(7401, LogLevel.Warning, "Could not post to Slack: {Error}")]
    public static partial void SlackAnnouncementFailed(this ILogger logger, string error);
}
