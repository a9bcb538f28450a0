using Microsoft.Extensions.Logging;

namespace Serverless.Core.Integrations.Slack;

internal static partial class Logs
{
    [LoggerMessage(5201, LogLevel.Debug, "Posted a Slack message through the webhook on {Host}")]
    public static partial void Posted(this ILogger logger, string host);

    [LoggerMessage(5202, LogLevel.Warning, "Slack webhook on {Host} answered {Status} {Error}")]
    public static partial void Refused(this ILogger logger, string host, int status, string error);
}
