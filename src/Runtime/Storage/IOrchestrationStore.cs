using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Storage;

/// <summary>
/// Durable state of orchestrations: instances, their histories, their inboxes and the activity queue.
/// Every method is safe to call concurrently, and several processes may share one store. "Now" comes from the
/// store's <see cref="TimeProvider"/>. Every store passes the conformance suite in tests/Serverless.Runtime.Tests/Storage.
/// </summary>
public interface IOrchestrationStore : IAsyncDisposable
{
    /// <summary>Creates tables, containers or files; idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the instance and enqueues its start message. An existing instance that has finished is replaced
    /// (its history and inbox deleted). An existing unfinished instance: <see cref="InstanceAlreadyExistsException"/>.
    /// </summary>
    Task CreateInstanceAsync(NewInstance request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Enqueues a message for an existing instance (raise event, terminate, suspend, resume).
    /// Unknown instance: <see cref="InstanceNotFoundException"/>; finished instance: <see cref="InstanceFinishedException"/>.
    /// </summary>
    Task SendMessageAsync(OrchestrationMessage message, CancellationToken cancellationToken = default);

    Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>The current execution's history, in order; empty for an unknown instance.</summary>
    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default);

    Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default);

    /// <summary>Deletes a finished instance with its history and inbox. False if it does not exist or has not finished.</summary>
    Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the finished instances matching the filter; returns how many.</summary>
    Task<int> PurgeInstancesAsync(PurgeFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Locks up to <paramref name="maxCount"/> instances that have visible messages and are not locked (or whose lock
    /// expired), for <paramref name="lockDuration"/>. Returns an empty list when there is no such work.
    /// </summary>
    Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationWorkItemsAsync(int maxCount, TimeSpan lockDuration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically: appends the step's events, writes the instance, deletes the consumed messages, enqueues the
    /// outbound activities and messages, creates the new instances, and releases the lock. Throws
    /// <see cref="WorkItemLockLostException"/> (and changes nothing) when the lock token no longer holds the lock.
    /// </summary>
    Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationStepResult result, CancellationToken cancellationToken = default);

    /// <summary>Releases the lock without changes so the messages are delivered again.</summary>
    Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, CancellationToken cancellationToken = default);

    /// <summary>Extends the lock; returns the new expiry. <see cref="WorkItemLockLostException"/> if it was lost.</summary>
    Task<DateTimeOffset> RenewOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, TimeSpan lockDuration, CancellationToken cancellationToken = default);

    /// <summary>Locks up to <paramref name="maxCount"/> activity requests that are not locked (or whose lock expired).</summary>
    Task<IReadOnlyList<ActivityWorkItem>> LockActivityWorkItemsAsync(int maxCount, TimeSpan lockDuration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically deletes the activity request and enqueues its result message (TaskCompleted/TaskFailed) to the
    /// instance. <see cref="WorkItemLockLostException"/> (and no result enqueued) when the lock was lost, so each
    /// request yields exactly one result.
    /// </summary>
    Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, OrchestrationMessage result, CancellationToken cancellationToken = default);

    Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default);

    Task<DateTimeOffset> RenewActivityWorkItemAsync(ActivityWorkItem workItem, TimeSpan lockDuration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Releases every lock this store's worker id holds (lock tokens start with "{workerId}:"). A host calls it when it
    /// starts, so work it held when it crashed is picked up at once rather than when the leases expire.
    /// </summary>
    Task ReleaseOwnLocksAsync(CancellationToken cancellationToken = default);

    /// <summary>The earliest VisibleAt among messages not yet visible, or null; lets an idle dispatcher sleep until a timer is due.</summary>
    Task<DateTimeOffset?> GetNextMessageVisibleTimeAsync(CancellationToken cancellationToken = default);
}
