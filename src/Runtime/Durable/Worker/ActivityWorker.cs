using Microsoft.Extensions.Logging;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Durable.Worker;

/// <summary>Runs one activity (at least once), keeps its lease alive meanwhile, and sends its one result back.</summary>
internal sealed class ActivityWorker(
    IOrchestrationStore store,
    DurableTaskRegistry registry,
    IServiceProvider? services,
    DataConverter converter,
    EngineSignals signals,
    DurableTaskEngineOptions options,
    TimeProvider timeProvider,
    ILogger logger,
    CancellationToken stopping)
{
    public Task<IReadOnlyList<ActivityWorkItem>> LockAsync(int count, CancellationToken cancellationToken) =>
        store.LockActivityWorkItemsAsync(count, options.LockDuration, cancellationToken);

    public async Task ProcessAsync(ActivityWorkItem workItem)
    {
        var message = workItem.Message;
        HistoryEvent response;
        await using (new LeaseRenewal(options.LockDuration, timeProvider, ct => store.RenewActivityWorkItemAsync(workItem, options.LockDuration, ct)))
        {
            try
            {
                var activity = registry.CreateActivity(message.Name, services);
                var input = converter.Deserialize(message.Input, activity.InputType);
                var output = await activity.RunAsync(new Context(message, stopping), input).ConfigureAwait(false);
                var serialized = converter.Serialize(output, $"The output of activity '{message.Name}'");
                response = new TaskCompletedEvent(message.TaskScheduledId, serialized);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                await AbandonQuietly(workItem).ConfigureAwait(false);
                return;
            }
            catch (Exception ex)
            {
                logger.ActivityFailed(message.Name, message.TaskScheduledId, message.InstanceId, ex.Message);
                response = new TaskFailedEvent(message.TaskScheduledId, TaskFailureDetails.FromException(ex));
            }
        }

        var now = timeProvider.GetUtcNow();
        var result = new OrchestrationMessage
        {
            InstanceId = message.InstanceId,
            TargetExecutionId = message.ExecutionId,
            Event = response with { Timestamp = now },
            VisibleAt = now,
        };
        try
        {
            await store.CompleteActivityWorkItemAsync(workItem, result).ConfigureAwait(false);
            signals.Orchestrations.Set();
        }
        catch (WorkItemLockLostException)
        {
            logger.LockLost($"activity {message.Name} of {message.InstanceId}");
        }
        catch (Exception ex)
        {
            logger.ActivityCompleteFailed(message.Name, message.InstanceId, ex);
            await AbandonQuietly(workItem).ConfigureAwait(false);
        }
    }

    private async Task AbandonQuietly(ActivityWorkItem workItem)
    {
        try
        {
            await store.AbandonActivityWorkItemAsync(workItem).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The lock expires on its own; the activity is redelivered then.
        }
    }

    private sealed class Context(ActivityMessage message, CancellationToken cancellationToken) : TaskActivityContext
    {
        public override string Name => message.Name;
        public override string InstanceId => message.InstanceId;
        public override int TaskId => message.TaskScheduledId;
        public override CancellationToken CancellationToken => cancellationToken;
    }
}
