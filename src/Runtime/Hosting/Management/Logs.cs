using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Serverless.Runtime.Hosting.Management;

internal static partial class Logs
{
    public const string Category = "Serverless.Runtime.Hosting.Management";

    public static ILogger For(HttpContext context) =>
        context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(Category) ?? NullLogger.Instance;

    [LoggerMessage(3101, LogLevel.Error, "Management API request {Method} {Path} failed unexpectedly")]
    public static partial void RequestFailed(this ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(3102, LogLevel.Information, "Started orchestration {Name} ({InstanceId}) through the management API")]
    public static partial void InstanceStarted(this ILogger logger, string name, string instanceId);

    [LoggerMessage(3103, LogLevel.Warning, "Management API request {Method} {Path} was refused by the authorizer")]
    public static partial void RequestRefused(this ILogger logger, string method, string path);
}
