using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Storage;

/// <summary>The stored state of one orchestration instance (its current execution).</summary>
public sealed record InstanceRecord
{
    public required string InstanceId { get; init; }
    public required string ExecutionId { get; init; }
    public required string Name { get; init; }
    public required OrchestrationRuntimeStatus Status { get; init; }
    public string? Input { get; init; }
    public string? Output { get; init; }
    public string? CustomStatus { get; init; }
    public TaskFailureDetails? FailureDetails { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset LastUpdatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? ParentInstanceId { get; init; }
}

/// <summary>
/// A message in an instance's inbox. <see cref="Event"/> is one of ExecutionStarted, TaskCompleted, TaskFailed,
/// TimerFired, EventRaised, SubOrchestrationInstanceCompleted/Failed, ExecutionTerminated, ExecutionSuspended,
/// ExecutionResumed. A message is invisible until <see cref="VisibleAt"/> (durable timers).
/// <see cref="TargetExecutionId"/> is set on responses to something an execution did; the engine drops a response
/// whose execution has since ended (ContinueAsNew, restart).
/// </summary>
public sealed record OrchestrationMessage
{
    /// <summary>Assigned by the store, increasing in arrival order; 0 before it is stored.</summary>
    public long Id { get; init; }
    public required string InstanceId { get; init; }
    public string? TargetExecutionId { get; init; }
    public required HistoryEvent Event { get; init; }
    public required DateTimeOffset VisibleAt { get; init; }
}

/// <summary>A request to run one activity for one execution.</summary>
public sealed record ActivityMessage
{
    /// <summary>Assigned by the store; 0 before it is stored.</summary>
    public long Id { get; init; }
    public required string InstanceId { get; init; }
    public required string ExecutionId { get; init; }
    public required int TaskScheduledId { get; init; }
    public required string Name { get; init; }
    public string? Input { get; init; }
}

/// <summary>An instance to create: its record (status Pending) and its ExecutionStarted message.</summary>
public sealed record NewInstance(InstanceRecord Instance, OrchestrationMessage StartMessage)
{
    /// <summary>
    /// Delivered instead when the id is taken by an instance that has not finished (used by sub-orchestration
    /// starts, which cannot throw back to the orchestrator). Null: the store throws
    /// <see cref="InstanceAlreadyExistsException"/>.
    /// </summary>
    public OrchestrationMessage? OnConflict { get; init; }
}

/// <summary>
/// An orchestration instance locked for one step: its state, its whole current-execution history, and the visible
/// messages waiting for it (ordered by <see cref="OrchestrationMessage.Id"/>). While the instance is Suspended only
/// ExecutionResumed and ExecutionTerminated messages are delivered; while it is Pending only once its
/// ExecutionStarted message is visible.
/// </summary>
public sealed record OrchestrationWorkItem
{
    public required InstanceRecord Instance { get; init; }
    public required IReadOnlyList<HistoryEvent> History { get; init; }
    public required IReadOnlyList<OrchestrationMessage> Messages { get; init; }
    /// <summary>Unique to this lock acquisition; a completion with a token that no longer holds the lock is refused.</summary>
    public required string LockToken { get; init; }
    public required DateTimeOffset LockedUntil { get; init; }
}

/// <summary>
/// The outcome of one orchestration step, committed atomically with the consumption of its messages.
/// </summary>
public sealed record OrchestrationStepResult
{
    /// <summary>Events appended to the history, after the existing ones.</summary>
    public required IReadOnlyList<HistoryEvent> NewEvents { get; init; }
    /// <summary>When true (ContinueAsNew), the existing history is deleted before <see cref="NewEvents"/> are appended.</summary>
    public bool ReplaceHistory { get; init; }
    /// <summary>The instance's new state (status, output, custom status, execution id...).</summary>
    public required InstanceRecord Instance { get; init; }
    /// <summary>Ids of the work item's messages this step consumed; the others stay in the inbox.</summary>
    public required IReadOnlyList<long> ConsumedMessageIds { get; init; }
    public IReadOnlyList<ActivityMessage> Activities { get; init; } = [];
    /// <summary>Messages to this or other instances (timers, events, sub-orchestration results). Messages to an instance that does not exist are dropped.</summary>
    public IReadOnlyList<OrchestrationMessage> Messages { get; init; } = [];
    /// <summary>Sub-orchestrations to create.</summary>
    public IReadOnlyList<NewInstance> NewInstances { get; init; } = [];
}

/// <summary>An activity request locked for execution.</summary>
public sealed record ActivityWorkItem
{
    public required ActivityMessage Message { get; init; }
    public required string LockToken { get; init; }
    public required DateTimeOffset LockedUntil { get; init; }
    /// <summary>How many times this request has been locked, this time included (1 on the first attempt).</summary>
    public required int DequeueCount { get; init; }
}

/// <summary>A filter over instances. Times are inclusive bounds on <see cref="InstanceRecord.CreatedAt"/>.</summary>
public sealed record InstanceQuery
{
    public DateTimeOffset? CreatedFrom { get; init; }
    public DateTimeOffset? CreatedTo { get; init; }
    /// <summary>Statuses to list; null or empty means all.</summary>
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }
    public string? InstanceIdPrefix { get; init; }
    /// <summary>Orchestration names to list, matched exactly; null or empty means all.</summary>
    public IReadOnlyCollection<string>? Names { get; init; }
    public int PageSize { get; init; } = 100;
    /// <summary>Opaque token from a previous page; null for the first page.</summary>
    public string? ContinuationToken { get; init; }
    /// <summary>When false, Input and Output are left null (cheaper lists); CustomStatus is always returned.</summary>
    public bool FetchInputsAndOutputs { get; init; } = true;
    /// <summary>Pages go from the newest instance to the oldest instead of the other way round.</summary>
    public bool NewestFirst { get; init; }
}

/// <summary>One page of a query, ordered by CreatedAt then InstanceId (both descending with NewestFirst). A null token means there are no more pages.</summary>
public sealed record InstancePage(IReadOnlyList<InstanceRecord> Instances, string? ContinuationToken);

/// <summary>Which finished instances to purge; instances not in a terminal state are never purged.</summary>
public sealed record PurgeFilter
{
    public DateTimeOffset? CreatedFrom { get; init; }
    public DateTimeOffset? CreatedTo { get; init; }
    /// <summary>Terminal statuses to purge; null or empty means all terminal statuses.</summary>
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }
    /// <summary>Purge instances whose CompletedAt is at or before this time (retention).</summary>
    public DateTimeOffset? CompletedBefore { get; init; }
}
