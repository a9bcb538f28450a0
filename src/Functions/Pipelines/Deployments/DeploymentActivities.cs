using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Storage;

namespace Serverless.Functions.Pipelines.Deployments;

public sealed class DeploymentActivities(DurableTaskClient client)
{
    /// <summary>Starts the environment's deployment queue unless it is already running (idempotent).</summary>
    [Function(nameof(EnsureDeploymentQueue))]
    public async Task EnsureDeploymentQueue([ActivityTrigger] string queueId)
    {
        var existing = await client.GetInstanceAsync(queueId);
        if (existing is { IsCompleted: false }) return;
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(DeploymentQueue.OrchestratorName, new QueueState(), new StartOrchestrationOptions(queueId));
        }
        catch (InstanceAlreadyExistsException)
        {
            // Another run started it first.
        }
    }

    [Function(nameof(IsRunActive))]
    public async Task<bool> IsRunActive([ActivityTrigger] string runId) =>
        await client.GetInstanceAsync(runId) is { IsCompleted: false };
}
