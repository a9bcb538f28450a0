using Microsoft.Extensions.Logging;

namespace Serverless.Runtime.Durable.Worker;

internal static partial class Logs
{
    [LoggerMessage(1001, LogLevel.Error, "Dispatcher {Dispatcher} failed to fetch work; retrying")]
    public static partial void FetchFailed(this ILogger logger, string dispatcher, Exception exception);

    [LoggerMessage(1002, LogLevel.Error, "Orchestration step for instance {InstanceId} failed inside the engine; its messages will be redelivered")]
    public static partial void StepFailed(this ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(1003, LogLevel.Warning, "Lost the lock on {What}; another worker will redo the work")]
    public static partial void LockLost(this ILogger logger, string what);

    [LoggerMessage(1004, LogLevel.Information, "Orchestration {Name} ({InstanceId}) ended {Status}")]
    public static partial void InstanceEnded(this ILogger logger, string name, string instanceId, OrchestrationRuntimeStatus status);

    [LoggerMessage(1005, LogLevel.Warning, "Orchestration {Name} ({InstanceId}) failed: {Reason}")]
    public static partial void InstanceFailed(this ILogger logger, string name, string instanceId, string reason);

    [LoggerMessage(1006, LogLevel.Error, "Activity {Name} for instance {InstanceId} could not be completed; it will be redelivered")]
    public static partial void ActivityCompleteFailed(this ILogger logger, string name, string instanceId, Exception exception);

    [LoggerMessage(1007, LogLevel.Debug, "Activity {Name} (#{TaskId}) of {InstanceId} failed: {Reason}")]
    public static partial void ActivityFailed(this ILogger logger, string name, int taskId, string instanceId, string reason);
}
