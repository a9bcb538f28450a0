using Microsoft.Extensions.Logging;

namespace Serverless.Functions.Environments;

internal static partial class Logs
{
    [LoggerMessage(7301, LogLevel.Warning, "{By} asked to roll back {Service} in {Environment} ({InstanceId})")]
    public static partial void ManualRollbackRequested(this ILogger logger, string environment, string service, string by, string instanceId);
}
