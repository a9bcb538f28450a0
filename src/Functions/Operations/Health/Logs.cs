using Microsoft.Extensions.Logging;

namespace Serverless.Functions.Operations.Health;

internal static partial class Logs
{
    [LoggerMessage(7101, LogLevel.Warning, "Health monitor rolled back {Service} in {Environment}: {Outcome} {Message}")]
    public static partial void HealthRollback(this ILogger logger, string environment, string service, string outcome, string message);

    [LoggerMessage(7102, LogLevel.Warning, "Health monitor could not notify {Channel}: {Error}")]
    public static partial void HealthNotificationFailed(this ILogger logger, string channel, string error);

    [LoggerMessage(7103, LogLevel.Information, "Health check {InstanceId} started ({Reason})")]
    public static partial void HealthCheckStarted(this ILogger logger, string instanceId, string reason);

    [LoggerMessage(7104, LogLevel.Warning, "Health check {InstanceId} is still running (or suspended); this occurrence is skipped. If it stays stuck, terminate it on the Orchestrations page")]
    public static partial void HealthCheckStillRunning(this ILogger logger, string instanceId);
}
