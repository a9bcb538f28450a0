using Microsoft.Extensions.Logging;

namespace Serverless.Core.Integrations.PagerDuty;

internal static partial class Logs
{
    [LoggerMessage(5301, LogLevel.Information, "PagerDuty accepted {Action} for {DedupKey}")]
    public static partial void Accepted(this ILogger logger, string action, string dedupKey);

    [LoggerMessage(5302, LogLevel.Warning, "PagerDuty answered {Status} to {Action} for {DedupKey}: {Error}")]
    public static partial void Refused(this ILogger logger, int status, string action, string dedupKey, string error);

    [LoggerMessage(5303, LogLevel.Warning, "No PagerDuty routing key is configured; {Action} for {DedupKey} was not sent")]
    public static partial void NotConfigured(this ILogger logger, string action, string dedupKey);
}
