using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Durable.Replay;

internal enum ActionKind { CallActivity, CallSubOrchestrator, CreateTimer, SendEvent }

/// <summary>Something the orchestrator code asked for, numbered by its sequence in the code.</summary>
internal sealed record OrchestratorAction(int Id, ActionKind Kind, string Name, string? Input)
{
    public string? TargetInstanceId { get; init; }
    public DateTimeOffset FireAt { get; init; }

    public HistoryEvent ToHistoryEvent(DateTimeOffset timestamp) => Kind switch
    {
        ActionKind.CallActivity => new TaskScheduledEvent(Name, Input) { EventId = Id, Timestamp = timestamp },
        ActionKind.CallSubOrchestrator => new SubOrchestrationInstanceCreatedEvent(Name, TargetInstanceId!, Input) { EventId = Id, Timestamp = timestamp },
        ActionKind.CreateTimer => new TimerCreatedEvent(FireAt) { EventId = Id, Timestamp = timestamp },
        ActionKind.SendEvent => new EventSentEvent(TargetInstanceId!, Name, Input) { EventId = Id, Timestamp = timestamp },
        _ => throw new InvalidOperationException($"Unknown action kind {Kind}."),
    };

    /// <summary>True when a history event records this very action (same kind, same target).</summary>
    public bool IsRecordedBy(HistoryEvent recorded) => (Kind, recorded) switch
    {
        (ActionKind.CallActivity, TaskScheduledEvent e) => string.Equals(e.Name, Name, StringComparison.OrdinalIgnoreCase),
        (ActionKind.CallSubOrchestrator, SubOrchestrationInstanceCreatedEvent e) => string.Equals(e.Name, Name, StringComparison.OrdinalIgnoreCase),
        (ActionKind.CreateTimer, TimerCreatedEvent) => true,
        (ActionKind.SendEvent, EventSentEvent e) => e.InstanceId == TargetInstanceId && string.Equals(e.Name, Name, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    public string Describe() => Kind switch
    {
        ActionKind.CallActivity => $"a call to activity '{Name}'",
        ActionKind.CallSubOrchestrator => $"a call to sub-orchestrator '{Name}'",
        ActionKind.CreateTimer => $"a timer firing at {FireAt:O}",
        ActionKind.SendEvent => $"event '{Name}' sent to '{TargetInstanceId}'",
        _ => Kind.ToString(),
    };

    public static string Describe(HistoryEvent recorded) => recorded switch
    {
        TaskScheduledEvent e => $"TaskScheduled (activity '{e.Name}')",
        SubOrchestrationInstanceCreatedEvent e => $"SubOrchestrationInstanceCreated ('{e.Name}')",
        TimerCreatedEvent e => $"TimerCreated (firing at {e.FireAt:O})",
        EventSentEvent e => $"EventSent ('{e.Name}' to '{e.InstanceId}')",
        _ => recorded.EventType.ToString(),
    };
}
