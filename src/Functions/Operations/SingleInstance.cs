using Microsoft.AspNetCore.Http;
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
    /// <returns>True when it started; false when an unfinished instance with that id was already there.</returns>
    public static async Task<bool> TryStartAsync(
        DurableTaskClient client, string orchestratorName, string instanceId, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, null, new StartOrchestrationOptions(instanceId), cancellationToken);
            return true;
        }
        catch (InstanceAlreadyExistsException)
        {
            return false;
        }
    }

    /// <summary>What an on-demand start answers: 202 with the instance (its status is under the management API) and whether it was already running.</summary>
    public static IResult Accepted(string instanceId, bool alreadyRunning) =>
        Results.Accepted($"/runtime/webhooks/durabletask/instances/{instanceId}", new { id = instanceId, alreadyRunning });
}
