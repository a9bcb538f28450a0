namespace Serverless.Runtime.Hosting;

/// <summary>What a timer function receives, as the isolated worker's <c>TimerInfo</c>.</summary>
public sealed class TimerInfo
{
    /// <summary>
    /// The schedule's status as recorded before this invocation. Always set here: the status is the timer's durable
    /// state (Azure Functions leaves it null when UseMonitor is off).
    /// </summary>
    public ScheduleStatus? ScheduleStatus { get; set; }

    /// <summary>True when this invocation is for an occurrence missed while no host was running.</summary>
    public bool IsPastDue { get; set; }
}

/// <summary>
/// A timer's recorded status, read before the invocation is recorded (as Azure Functions passes it): <see cref="Next"/>
/// is the occurrence this invocation is for. Times are UTC; <c>default</c> when nothing has been recorded yet.
/// </summary>
public sealed class ScheduleStatus
{
    /// <summary>When the previous invocation ran (its due time, or later when it ran late).</summary>
    public DateTime Last { get; set; }

    /// <summary>The occurrence this invocation is for.</summary>
    public DateTime Next { get; set; }

    /// <summary>When the status was last written.</summary>
    public DateTime LastUpdated { get; set; }
}
