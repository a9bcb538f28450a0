using Microsoft.Extensions.Logging;

namespace Serverless.Runtime.Hosting.Timers;

internal static partial class Logs
{
    [LoggerMessage(4001, LogLevel.Information, "Timer function {FunctionName} scheduled as {InstanceId}: {Schedule} in time zone {TimeZone}")]
    public static partial void TimerCreated(this ILogger logger, string functionName, string instanceId, string schedule, string timeZone);

    [LoggerMessage(4002, LogLevel.Debug, "Timer function {FunctionName}: next occurrence {Due:O}")]
    public static partial void TimerArmed(this ILogger logger, string functionName, DateTime due);

    [LoggerMessage(4003, LogLevel.Information, "Timer function {FunctionName} is past due (was due {Due:O}); invoking it once")]
    public static partial void PastDue(this ILogger logger, string functionName, DateTime due);

    [LoggerMessage(4004, LogLevel.Information, "Timer function {FunctionName} missed {Due:O} while no host ran; UseMonitor is off, so it waits for {Next:O}")]
    public static partial void PastDueSkipped(this ILogger logger, string functionName, DateTime due, DateTime next);

    [LoggerMessage(4005, LogLevel.Information, "Timer function {FunctionName} runs on start-up")]
    public static partial void RunOnStartup(this ILogger logger, string functionName);

    [LoggerMessage(4006, LogLevel.Error, "Timer function {FunctionName} failed for the occurrence due {Due:O}: {Reason}; its schedule continues")]
    public static partial void FunctionFailed(this ILogger logger, string functionName, DateTime due, string reason);

    [LoggerMessage(4007, LogLevel.Information, "Timer function {FunctionName}: schedule changed from '{OldExpression}' to '{NewExpression}'")]
    public static partial void ScheduleChanged(this ILogger logger, string functionName, string oldExpression, string newExpression);

    [LoggerMessage(4008, LogLevel.Information, "Timer function {FunctionName}: asked its running timer to change schedule from '{OldExpression}' to '{NewExpression}'")]
    public static partial void ScheduleChangeSent(this ILogger logger, string functionName, string? oldExpression, string newExpression);

    [LoggerMessage(4009, LogLevel.Warning, "Timer function {FunctionName}: instance {InstanceId} is suspended; it stays suspended until resumed")]
    public static partial void TimerSuspended(this ILogger logger, string functionName, string instanceId);

    [LoggerMessage(4010, LogLevel.Error, "Timer function {FunctionName} cannot run: instance id {InstanceId} belongs to an orchestration named {Name}")]
    public static partial void InstanceIdTaken(this ILogger logger, string functionName, string instanceId, string name);

    [LoggerMessage(4011, LogLevel.Information, "Terminated timer {InstanceId}: {Reason}")]
    public static partial void TimerTerminated(this ILogger logger, string instanceId, string reason);

    [LoggerMessage(4012, LogLevel.Warning, "Timer function {FunctionName} is disabled on this host; an occurrence its timer fired was not run")]
    public static partial void DisabledNotRun(this ILogger logger, string functionName);
}
