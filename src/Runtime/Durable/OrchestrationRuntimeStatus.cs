namespace Serverless.Runtime.Durable;

/// <summary>The runtime status of an orchestration instance, named as Durable Functions names them.</summary>
public enum OrchestrationRuntimeStatus
{
    Running = 0,
    Completed = 1,
    ContinuedAsNew = 2,
    Failed = 3,
    Canceled = 4,
    Terminated = 5,
    Pending = 6,
    Suspended = 7,
}

public static class OrchestrationRuntimeStatusExtensions
{
    /// <summary>True once an instance can make no further progress: it can be purged, restarted or replaced.</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) => status is
        OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or
        OrchestrationRuntimeStatus.Canceled or OrchestrationRuntimeStatus.Terminated;
}
