using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Pipelines.Deployments;

/// <summary>
/// One eternal orchestration per repository and environment that hands out the right to deploy, one run at a time.
/// If the holder stops without releasing (terminated, crashed), the slot is taken back when it is found finished.
/// </summary>
public sealed class DeploymentQueueOrchestrator
{
    private static readonly TimeSpan HolderCheckInterval = TimeSpan.FromMinutes(10);

    [Function(DeploymentQueue.OrchestratorName)]
    public async Task Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var state = context.GetInput<QueueState>() ?? new QueueState();
        QueueMessage message;
        try
        {
            message = await context.WaitForExternalEvent<QueueMessage>(DeploymentQueue.QueueEvent, HolderCheckInterval);
        }
        catch (TaskCanceledException)
        {
            message = state.Holder is { } holder && !await context.CallActivityAsync<bool>(nameof(DeploymentActivities.IsRunActive), holder.RunId)
                ? holder with { Kind = QueueMessageKind.Release }
                : new QueueMessage(QueueMessageKind.Release, "", context.CurrentUtcDateTime);
        }

        var (next, notices) = DeploymentQueue.Apply(state, message);
        foreach (var (runId, decision) in notices) context.SendEvent(runId, DeploymentQueue.SlotEvent, decision);
        context.SetCustomStatus(new { holder = next.Holder?.RunId, waiting = next.Waiting?.RunId });
        context.ContinueAsNew(next);
    }
}
