using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Hosting.Timers;

/// <summary>Invokes a timer function with its <see cref="TimerInfo"/>; an exception fails this call only, not the schedule.</summary>
internal sealed class TimerInvokeActivity(TimerTriggerSet timers, IServiceProvider? services) : TaskActivity<TimerInvocation, object?>
{
    public override async Task<object?> RunAsync(TaskActivityContext context, TimerInvocation invocation)
    {
        var trigger = timers.Find(invocation.FunctionName)
            ?? throw new InvalidOperationException($"Timer function '{invocation.FunctionName}' is not registered in this host.");
        if (trigger.Disabled)
        {
            // Its timer fired before this host's start-up terminated it, or another host sharing the store has it enabled.
            var loggerFactory = services?.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            loggerFactory.CreateLogger(TimerScheduleOrchestrator.LogCategory).DisabledNotRun(trigger.FunctionName);
            return null;
        }
        await trigger.Registration.Invoke(invocation.Timer, services, context.CancellationToken);
        return null;
    }
}
