using Serverless.Runtime.Durable;

namespace Serverless.Functions.Pipelines.Deployments;

/// <summary>Orchestrator-side use of the deployment queue: ask for the slot, wait for the answer, give it back.</summary>
public sealed class DeploymentSlot(TaskOrchestrationContext context, string queueId, QueueMessage request)
{
    public static async Task<DeploymentSlot?> AcquireAsync(TaskOrchestrationContext context, PipelineRun run, string environment)
    {
        var queueId = DeploymentQueue.InstanceIdFor(run.Repository, environment);
        await context.CallActivityAsync(nameof(DeploymentActivities.EnsureDeploymentQueue), queueId);
        var request = new QueueMessage(QueueMessageKind.Request, context.InstanceId, run.ReceivedAt);
        context.SendEvent(queueId, DeploymentQueue.QueueEvent, request);
        var decision = await context.WaitForExternalEvent<string>(DeploymentQueue.SlotEvent);
        return decision == DeploymentQueue.Granted ? new DeploymentSlot(context, queueId, request) : null;
    }

    public void Release() => context.SendEvent(queueId, DeploymentQueue.QueueEvent, request with { Kind = QueueMessageKind.Release });
}
