namespace Serverless.Runtime.Hosting.Timers;

/// <summary>The fixed names and thresholds of durable timer triggers.</summary>
public static class TimerTriggerDefaults
{
    /// <summary>Each timer function's orchestration has the instance id <c>timer-{FunctionName}</c>.</summary>
    public const string InstanceIdPrefix = "timer-";

    /// <summary>The eternal orchestration behind every timer function (a name no Azure function name can take).</summary>
    public const string OrchestratorName = "TimerTrigger.Schedule";

    /// <summary>The activity that invokes a timer function.</summary>
    public const string ActivityName = "TimerTrigger.Invoke";

    /// <summary>The event the host sends a timer's orchestration at start-up: a changed schedule, a RunOnStartup request.</summary>
    public const string ControlEventName = "TimerTrigger.Control";

    /// <summary>
    /// An occurrence that fires later than this after it was due (or after the timer was last re-armed, if later) is
    /// past due: a host was not running. Engine latency (polling, lock hand-over between hosts) stays well below it.
    /// </summary>
    public static readonly TimeSpan PastDueThreshold = TimeSpan.FromSeconds(10);

    public static string InstanceIdFor(string functionName) => InstanceIdPrefix + functionName;
}
