using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Durable;

/// <summary>
/// Starts and manages orchestration instances (Microsoft.DurableTask's DurableTaskClient).
/// Errors: unknown instance → <see cref="Storage.InstanceNotFoundException"/>; finished instance where a running one
/// is needed → <see cref="Storage.InstanceFinishedException"/>; id in use → <see cref="Storage.InstanceAlreadyExistsException"/>.
/// </summary>
public abstract class DurableTaskClient
{
    /// <summary>Schedules a new instance and returns its id (by default 32 lowercase hex characters).</summary>
    public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends an event to an instance; it is buffered if the instance is not waiting for it yet.</summary>
    public abstract Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default);

    public abstract Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default);

    /// <summary>One page of instances matching the query.</summary>
    public abstract Task<OrchestrationPage> GetInstancesPageAsync(OrchestrationQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Every instance matching the query, fetched page by page.</summary>
    public async IAsyncEnumerable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? query = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new OrchestrationQuery();
        while (true)
        {
            var page = await GetInstancesPageAsync(query, cancellationToken);
            foreach (var instance in page.Instances) yield return instance;
            if (page.ContinuationToken is null) yield break;
            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }

    /// <summary>The current execution's history, oldest first.</summary>
    public abstract Task<IReadOnlyList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Waits until the instance has started (is no longer Pending).</summary>
    public abstract Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default);

    /// <summary>Waits until the instance completes, fails, is terminated or canceled.</summary>
    public abstract Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default);

    public abstract Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default);

    public abstract Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default);

    public abstract Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Starts the instance again with its original input; returns the id of the restarted instance.</summary>
    public abstract Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellationToken = default);

    /// <summary>Deletes a finished instance and its history. Count 0 when it does not exist or has not finished.</summary>
    public abstract Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    public abstract Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default);
}
