using Microsoft.Extensions.Logging;

namespace Serverless.Runtime.Hosting.CustomHandler;

internal static partial class Logs
{
    public const string Category = "Serverless.Runtime.Hosting.CustomHandler";

    [LoggerMessage(4101, LogLevel.Information, "Running as an Azure Functions custom handler: the Functions host schedules timer functions and checks function keys")]
    public static partial void CustomHandlerMode(this ILogger logger);

    [LoggerMessage(4102, LogLevel.Information, "Timer function {FunctionName} is scheduled by the Azure Functions host now; terminated its durable timer {InstanceId}")]
    public static partial void DurableTimerRetired(this ILogger logger, string functionName, string instanceId);

    [LoggerMessage(4103, LogLevel.Error, "Timer function {FunctionName} failed (invocation {InvocationId})")]
    public static partial void TimerInvocationFailed(this ILogger logger, string functionName, string invocationId, Exception exception);

    [LoggerMessage(4104, LogLevel.Warning, "Refused an invocation of {FunctionName}: {Field} {Reason}")]
    public static partial void InvocationRefused(this ILogger logger, string functionName, string? field, string reason);
}
