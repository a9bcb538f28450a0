using System.Text.Json.Serialization;

namespace Serverless.Runtime.Durable.History;

/// <summary>
/// One entry of an orchestration's history, as DTFx names them. Events that record something the orchestrator
/// did (TaskScheduled, TimerCreated, SubOrchestrationInstanceCreated, EventSent) carry its sequence number as
/// <see cref="EventId"/>; the rest use -1. Payloads (inputs, results) are serialized JSON strings.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "EventType")]
[JsonDerivedType(typeof(ExecutionStartedEvent), nameof(History.EventType.ExecutionStarted))]
[JsonDerivedType(typeof(ExecutionCompletedEvent), nameof(History.EventType.ExecutionCompleted))]
[JsonDerivedType(typeof(ExecutionTerminatedEvent), nameof(History.EventType.ExecutionTerminated))]
[JsonDerivedType(typeof(ExecutionSuspendedEvent), nameof(History.EventType.ExecutionSuspended))]
[JsonDerivedType(typeof(ExecutionResumedEvent), nameof(History.EventType.ExecutionResumed))]
[JsonDerivedType(typeof(ContinueAsNewEvent), nameof(History.EventType.ContinueAsNew))]
[JsonDerivedType(typeof(OrchestratorStartedEvent), nameof(History.EventType.OrchestratorStarted))]
[JsonDerivedType(typeof(OrchestratorCompletedEvent), nameof(History.EventType.OrchestratorCompleted))]
[JsonDerivedType(typeof(TaskScheduledEvent), nameof(History.EventType.TaskScheduled))]
[JsonDerivedType(typeof(TaskCompletedEvent), nameof(History.EventType.TaskCompleted))]
[JsonDerivedType(typeof(TaskFailedEvent), nameof(History.EventType.TaskFailed))]
[JsonDerivedType(typeof(SubOrchestrationInstanceCreatedEvent), nameof(History.EventType.SubOrchestrationInstanceCreated))]
[JsonDerivedType(typeof(SubOrchestrationInstanceCompletedEvent), nameof(History.EventType.SubOrchestrationInstanceCompleted))]
[JsonDerivedType(typeof(SubOrchestrationInstanceFailedEvent), nameof(History.EventType.SubOrchestrationInstanceFailed))]
[JsonDerivedType(typeof(TimerCreatedEvent), nameof(History.EventType.TimerCreated))]
[JsonDerivedType(typeof(TimerFiredEvent), nameof(History.EventType.TimerFired))]
[JsonDerivedType(typeof(EventSentEvent), nameof(History.EventType.EventSent))]
[JsonDerivedType(typeof(EventRaisedEvent), nameof(History.EventType.EventRaised))]
public abstract record HistoryEvent
{
    public int EventId { get; init; } = -1;
    public DateTimeOffset Timestamp { get; init; }

    [JsonIgnore]
    public abstract EventType EventType { get; }
}

public sealed record ParentInstanceInfo(string Name, string InstanceId, string ExecutionId, int TaskScheduledId);

public sealed record ExecutionStartedEvent(string Name, string ExecutionId, string? Input, ParentInstanceInfo? ParentInstance = null) : HistoryEvent
{
    public override EventType EventType => EventType.ExecutionStarted;
}

public sealed record ExecutionCompletedEvent(OrchestrationRuntimeStatus OrchestrationStatus, string? Result, TaskFailureDetails? FailureDetails = null) : HistoryEvent
{
    public override EventType EventType => EventType.ExecutionCompleted;
}

public sealed record ExecutionTerminatedEvent(string? Input) : HistoryEvent
{
    public override EventType EventType => EventType.ExecutionTerminated;
}

public sealed record ExecutionSuspendedEvent(string? Reason) : HistoryEvent
{
    public override EventType EventType => EventType.ExecutionSuspended;
}

public sealed record ExecutionResumedEvent(string? Reason) : HistoryEvent
{
    public override EventType EventType => EventType.ExecutionResumed;
}

public sealed record ContinueAsNewEvent(string? Result) : HistoryEvent
{
    public override EventType EventType => EventType.ContinueAsNew;
}

public sealed record OrchestratorStartedEvent : HistoryEvent
{
    public override EventType EventType => EventType.OrchestratorStarted;
}

public sealed record OrchestratorCompletedEvent : HistoryEvent
{
    public override EventType EventType => EventType.OrchestratorCompleted;
}

public sealed record TaskScheduledEvent(string Name, string? Input) : HistoryEvent
{
    public override EventType EventType => EventType.TaskScheduled;
}

public sealed record TaskCompletedEvent(int TaskScheduledId, string? Result) : HistoryEvent
{
    public override EventType EventType => EventType.TaskCompleted;
}

public sealed record TaskFailedEvent(int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent
{
    public override EventType EventType => EventType.TaskFailed;
}

public sealed record SubOrchestrationInstanceCreatedEvent(string Name, string InstanceId, string? Input) : HistoryEvent
{
    public override EventType EventType => EventType.SubOrchestrationInstanceCreated;
}

public sealed record SubOrchestrationInstanceCompletedEvent(int TaskScheduledId, string? Result) : HistoryEvent
{
    public override EventType EventType => EventType.SubOrchestrationInstanceCompleted;
}

public sealed record SubOrchestrationInstanceFailedEvent(int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent
{
    public override EventType EventType => EventType.SubOrchestrationInstanceFailed;
}

public sealed record TimerCreatedEvent(DateTimeOffset FireAt) : HistoryEvent
{
    public override EventType EventType => EventType.TimerCreated;
}

public sealed record TimerFiredEvent(int TimerId, DateTimeOffset FireAt) : HistoryEvent
{
    public override EventType EventType => EventType.TimerFired;
}

public sealed record EventSentEvent(string InstanceId, string Name, string? Input) : HistoryEvent
{
    public override EventType EventType => EventType.EventSent;
}

public sealed record EventRaisedEvent(string Name, string? Input) : HistoryEvent
{
    public override EventType EventType => EventType.EventRaised;
}
