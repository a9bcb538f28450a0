using Microsoft.Extensions.Logging;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Hosting.Timers;

/// <summary>
/// The eternal orchestration behind one timer function. Each execution waits on a durable timer for the next
/// occurrence (or for a control event from a starting host), invokes the function once through an activity, and
/// continues as new with the updated status. One instance id per function means one step per occurrence, however many
/// hosts share the store; a timer that came due while no host ran fires once when one starts, not once per missed
/// occurrence.
/// </summary>
internal sealed class TimerScheduleOrchestrator : TaskOrchestrator<TimerState, object?>
{
    internal const string LogCategory = "Serverless.Runtime.Hosting.Timers";

    public override async Task<object?> RunAsync(TaskOrchestrationContext context, TimerState state)
    {
        var logger = context.CreateReplaySafeLogger(LogCategory);
        var schedule = TimerSchedule.Parse(state.Spec.Expression, TimeZoneInfo.FindSystemTimeZoneById(state.Spec.TimeZone));
        if (state.StartupRequestedAt is { } requestedAt)
        {
            context.ContinueAsNew(await RunOnStartupAsync(context, state, schedule, requestedAt, logger));
            return null;
        }

        var due = state.Next ?? schedule.GetNextOccurrence(context.CurrentUtcDateTime);
        state = state with { Next = due };
        logger.TimerArmed(state.Spec.FunctionName, due);
        if (await WaitForDueOrControlAsync(context, due) is { } control)
        {
            context.ContinueAsNew(Apply(state, control, logger));
            return null;
        }
        context.ContinueAsNew(await FireAsync(context, state, schedule, due, logger));
        return null;
    }

    /// <summary>Null when the timer fired; the control event when one came first.</summary>
    private static async Task<TimerControl?> WaitForDueOrControlAsync(TaskOrchestrationContext context, DateTime due)
    {
        using var timerCancellation = new CancellationTokenSource();
        using var controlCancellation = new CancellationTokenSource();
        var timer = context.CreateTimer(due, timerCancellation.Token);
        var control = context.WaitForExternalEvent<TimerControl>(TimerTriggerDefaults.ControlEventName, controlCancellation.Token);
        if (await Task.WhenAny(timer, control) == control)
        {
            timerCancellation.Cancel();
            return control.IsCompletedSuccessfully ? control.Result : new TimerControl(null, null);
        }
        controlCancellation.Cancel();
        return null;
    }

    private static async Task<TimerState> FireAsync(TaskOrchestrationContext context, TimerState state, TimerSchedule schedule, DateTime due, ILogger logger)
    {
        var firedAt = context.CurrentUtcDateTime;
        var lateFrom = Max(due, state.LastUpdated ?? due);
        var isPastDue = firedAt - lateFrom > TimerTriggerDefaults.PastDueThreshold;
        var invokedAt = Max(due, firedAt);
        var next = schedule.GetNextOccurrence(invokedAt);
        if (isPastDue && !state.Spec.UseMonitor)
        {
            logger.PastDueSkipped(state.Spec.FunctionName, due, next);
            return state with { Next = next, LastUpdated = firedAt };
        }
        if (isPastDue) logger.PastDue(state.Spec.FunctionName, due);
        await InvokeAsync(context, state, due, isPastDue, logger);
        return state with { Next = next, Last = invokedAt, LastUpdated = context.CurrentUtcDateTime };
    }

    private static async Task<TimerState> RunOnStartupAsync(TaskOrchestrationContext context, TimerState state, TimerSchedule schedule, DateTime requestedAt, ILogger logger)
    {
        state = state with { StartupRequestedAt = null };
        // Another invocation since that host started (a past-due one, or a second host's start-up) already served it.
        if (state.Last is { } last && last >= requestedAt) return state;
        var now = context.CurrentUtcDateTime;
        logger.RunOnStartup(state.Spec.FunctionName);
        await InvokeAsync(context, state, state.Next ?? schedule.GetNextOccurrence(now), isPastDue: false, logger);
        return state with { Last = now, LastUpdated = context.CurrentUtcDateTime };
    }

    private static async Task InvokeAsync(TaskOrchestrationContext context, TimerState state, DateTime due, bool isPastDue, ILogger logger)
    {
        var timer = new TimerInfo
        {
            IsPastDue = isPastDue,
            ScheduleStatus = new ScheduleStatus { Last = state.Last ?? default, Next = due, LastUpdated = state.LastUpdated ?? default },
        };
        try
        {
            await context.CallActivityAsync(TimerTriggerDefaults.ActivityName, new TimerInvocation(state.Spec.FunctionName, timer));
        }
        catch (TaskFailedException ex)
        {
            // A failing function must not stop its schedule.
            logger.FunctionFailed(state.Spec.FunctionName, due, ex.FailureDetails.ToString());
        }
    }

    private static TimerState Apply(TimerState state, TimerControl control, ILogger logger)
    {
        if (control.Spec is { } spec && spec != state.Spec)
        {
            logger.ScheduleChanged(spec.FunctionName, state.Spec.Expression, spec.Expression);
            state = state with { Spec = spec, Next = null };
        }
        return control.StartupRequestedAt is { } requestedAt ? state with { StartupRequestedAt = requestedAt } : state;
    }

    private static DateTime Max(DateTime a, DateTime b) => a >= b ? a : b;
}
