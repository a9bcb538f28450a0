using Serverless.Runtime.Durable;
using Serverless.Runtime.Storage;

namespace Serverless.Functions.Operations;

/// <summary>
/// Starts an orchestration under a fixed instance id, so at most one runs at a time (the Durable Functions
/// singleton pattern): a second start while it runs joins the running one instead of racing it. The store refuses a
/// duplicate unfinished instance atomically, so two hosts cannot both start one.
/// </summary>
public static class SingleInstance
{
    public static async Task<(string Id, bool AlreadyRunning)> StartAsync(
        DurableTaskClient client, string orchestratorName, string instanceId, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, null, new StartOrchestrationOptions(instanceId), cancellationToken);
            return (instanceId, false);
        }
        catch (InstanceAlreadyExistsException)
        {
            return (instanceId, true);
        }
    }
}
