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
    public EventType EventType => Kind;

    // Not public, so serializers never see it: the "EventType" discriminator carries the same value.
    private protected abstract EventType Kind { get; }
}

public sealed record ParentInstanceInfo(string Name, string InstanceId, string ExecutionId, int TaskScheduledId);

public sealed record ExecutionStartedEvent(string Name, string ExecutionId, string? Input, ParentInstanceInfo? ParentInstance = null) : HistoryEvent
{
    private protected override EventType Kind => EventType.ExecutionStarted;
}

public sealed record ExecutionCompletedEvent(OrchestrationRuntimeStatus OrchestrationStatus, string? Result, TaskFailureDetails? FailureDetails = null) : HistoryEvent
{
    private protected override EventType Kind => EventType.ExecutionCompleted;
}

public sealed record ExecutionTerminatedEvent(string? Input) : HistoryEvent
{
    private protected override EventType Kind => EventType.ExecutionTerminated;
}

public sealed record ExecutionSuspendedEvent(string? Reason) : HistoryEvent
{
    private protected override EventType Kind => EventType.ExecutionSuspended;
}

public sealed record ExecutionResumedEvent(string? Reason) : HistoryEvent
{
    private protected override EventType Kind => EventType.ExecutionResumed;
}

public sealed record ContinueAsNewEvent(string? Result) : HistoryEvent
{
    private protected override EventType Kind => EventType.ContinueAsNew;
}

public sealed record OrchestratorStartedEvent : HistoryEvent
{
    private protected override EventType Kind => EventType.OrchestratorStarted;
}

public sealed record OrchestratorCompletedEvent : HistoryEvent
{
    private protected override EventType Kind => EventType.OrchestratorCompleted;
}

public sealed record TaskScheduledEvent(string Name, string? Input) : HistoryEvent
{
    private protected override EventType Kind => EventType.TaskScheduled;
}

public sealed record TaskCompletedEvent(int TaskScheduledId, string? Result) : HistoryEvent
{
    private protected override EventType Kind => EventType.TaskCompleted;
}

public sealed record TaskFailedEvent(int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent
{
    private protected override EventType Kind => EventType.TaskFailed;
}

public sealed record SubOrchestrationInstanceCreatedEvent(string Name, string InstanceId, string? Input) : HistoryEvent
{
    private protected override EventType Kind => EventType.SubOrchestrationInstanceCreated;
}

public sealed record SubOrchestrationInstanceCompletedEvent(int TaskScheduledId, string? Result) : HistoryEvent
{
    private protected override EventType Kind => EventType.SubOrchestrationInstanceCompleted;
}

public sealed record SubOrchestrationInstanceFailedEvent(int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent
{
    private protected override EventType Kind => EventType.SubOrchestrationInstanceFailed;
}

public sealed record TimerCreatedEvent(DateTimeOffset FireAt) : HistoryEvent
{
    private protected override EventType Kind => EventType.TimerCreated;
}

public sealed record TimerFiredEvent(int TimerId, DateTimeOffset FireAt) : HistoryEvent
{
    private protected override EventType Kind => EventType.TimerFired;
}

public sealed record EventSentEvent(string InstanceId, string Name, string? Input) : HistoryEvent
{
    private protected override EventType Kind => EventType.EventSent;
}

public sealed record EventRaisedEvent(string Name, string? Input) : HistoryEvent
{
    private protected override EventType Kind => EventType.EventRaised;
}
