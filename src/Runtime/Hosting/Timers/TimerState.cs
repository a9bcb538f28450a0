namespace Serverless.Runtime.Hosting.Timers;

/// <summary>What defines a timer's orchestration; when the host's differs from the stored one, the schedule changed.</summary>
internal sealed record TimerSpec(string FunctionName, string Expression, string TimeZone, bool UseMonitor);

/// <summary>
/// The input each execution of a timer's eternal orchestration starts from (carried by ContinueAsNew). The due time
/// being waited for is the durable timer in the store; <see cref="Next"/> is what it was armed for.
/// </summary>
internal sealed record TimerState(TimerSpec Spec)
{
    /// <summary>The occurrence to wait for; null: the first one after the execution starts.</summary>
    public DateTime? Next { get; init; }
    /// <summary>When the last invocation ran (its due time, or later when it ran late).</summary>
    public DateTime? Last { get; init; }
    /// <summary>When this state was written; lateness counts from here when the function ran past its next due time.</summary>
    public DateTime? LastUpdated { get; init; }
    /// <summary>A host that started at this time asked for a RunOnStartup invocation.</summary>
    public DateTime? StartupRequestedAt { get; init; }
}

/// <summary>What a starting host tells a running timer orchestration.</summary>
internal sealed record TimerControl(TimerSpec? Spec, DateTime? StartupRequestedAt);

/// <summary>The activity's input: which function, and what it is told.</summary>
internal sealed record TimerInvocation(string FunctionName, TimerInfo Timer);
