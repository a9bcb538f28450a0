namespace Serverless.Runtime.Durable.History;

/// <summary>History event types, with the names DTFx gives them (they appear in the management API).</summary>
public enum EventType
{
    ExecutionStarted,
    ExecutionCompleted,
    ExecutionTerminated,
    ExecutionSuspended,
    ExecutionResumed,
    ContinueAsNew,
    OrchestratorStarted,
    OrchestratorCompleted,
    TaskScheduled,
    TaskCompleted,
    TaskFailed,
    SubOrchestrationInstanceCreated,
    SubOrchestrationInstanceCompleted,
    SubOrchestrationInstanceFailed,
    TimerCreated,
    TimerFired,
    EventSent,
    EventRaised,
}
