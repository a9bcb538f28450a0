using Microsoft.Extensions.Logging;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Durable.Worker;

/// <summary>Runs one orchestration step: replay, commit atomically, then wake whoever has new work.</summary>
internal sealed class OrchestrationWorker(
    IOrchestrationStore store,
    OrchestrationStepProcessor processor,
    EngineSignals signals,
    DurableTaskEngineOptions options,
    TimeProvider timeProvider,
    ILogger logger)
{
    public Task<IReadOnlyList<OrchestrationWorkItem>> LockAsync(int count, CancellationToken cancellationToken) =>
        store.LockOrchestrationWorkItemsAsync(count, options.LockDuration, cancellationToken);

    public async Task BeforeIdleWaitAsync(CancellationToken cancellationToken)
    {
        if (await store.GetNextMessageVisibleTimeAsync(cancellationToken).ConfigureAwait(false) is { } next)
            signals.Orchestrations.SetAt(next);
    }

    public async Task ProcessAsync(OrchestrationWorkItem workItem)
    {
        var instanceId = workItem.Instance.InstanceId;
        var now = timeProvider.GetUtcNow();
        OrchestrationStepResult result;
        try
        {
            result = processor.Process(workItem, now);
            await store.CompleteOrchestrationWorkItemAsync(workItem, result).ConfigureAwait(false);
        }
        catch (WorkItemLockLostException)
        {
            logger.LockLost($"orchestration {instanceId}");
            return;
        }
        catch (Exception ex)
        {
            logger.StepFailed(instanceId, ex);
            await AbandonQuietly(workItem).ConfigureAwait(false);
            return;
        }

        Announce(workItem, result, now);
    }

    private void Announce(OrchestrationWorkItem workItem, OrchestrationStepResult result, DateTimeOffset now)
    {
        if (result.Activities.Count > 0) signals.Activities.Set();
        foreach (var message in result.Messages)
        {
            if (message.VisibleAt > now) signals.Orchestrations.SetAt(message.VisibleAt);
        }
        // The instance may have received messages while this step ran, and new instances or messages may be ready.
        signals.Orchestrations.Set();
        var instance = result.Instance;
        if (instance.Status != workItem.Instance.Status || result.NewEvents.Count > 0)
            signals.InstanceChanged(instance.InstanceId);
        if (instance.Status.IsTerminal() && !workItem.Instance.Status.IsTerminal())
        {
            if (instance.Status == OrchestrationRuntimeStatus.Failed && instance.FailureDetails is { } failure)
                logger.InstanceFailed(instance.Name, instance.InstanceId, failure.ToString());
            else
                logger.InstanceEnded(instance.Name, instance.InstanceId, instance.Status);
        }
    }

    private async Task AbandonQuietly(OrchestrationWorkItem workItem)
    {
        try
        {
            await store.AbandonOrchestrationWorkItemAsync(workItem).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The lock expires on its own; the messages are redelivered then.
        }
    }
}
