using Microsoft.Extensions.Logging;

namespace Serverless.Functions.Operations.Security;

internal static partial class Logs
{
    [LoggerMessage(7201, LogLevel.Warning, "Deployments of {Repository} are frozen: {Secrets} exposed secret(s)")]
    public static partial void Frozen(this ILogger logger, string repository, int secrets);

    [LoggerMessage(7202, LogLevel.Information, "Deployment freeze of {Repository} lifted by {By}")]
    public static partial void Unfrozen(this ILogger logger, string repository, string by);

    [LoggerMessage(7204, LogLevel.Information, "Security scan {InstanceId} started ({Reason})")]
    public static partial void ScanStarted(this ILogger logger, string instanceId, string reason);

    [LoggerMessage(7205, LogLevel.Warning, "Security scan {InstanceId} is still running (or suspended); this occurrence is skipped. If it stays stuck, terminate it on the Orchestrations page")]
    public static partial void ScanStillRunning(this ILogger logger, string instanceId);
}
