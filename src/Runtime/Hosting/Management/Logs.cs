using Microsoft.Extensions.Logging;

namespace Serverless.Runtime.Hosting.Management;

internal static partial class Logs
{
    public const string Category = "Serverless.Runtime.Hosting.Management";

    [LoggerMessage(3101, LogLevel.Error, "Management API request {Method} {Path} failed unexpectedly")]
    public static partial void RequestFailed(this ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(3102, LogLevel.Information, "Started orchestration {Name} ({InstanceId}) through the management API")]
    public static partial void InstanceStarted(this ILogger logger, string name, string instanceId);

    [LoggerMessage(3103, LogLevel.Warning, "Management API request {Method} {Path} was refused by the authorizer")]
    public static partial void RequestRefused(this ILogger logger, string method, string path);
}
