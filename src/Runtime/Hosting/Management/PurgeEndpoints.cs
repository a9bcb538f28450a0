using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Hosting.Management;

/// <summary><c>DELETE /instances/{id}</c> and <c>DELETE /instances?createdTimeFrom=...</c>: delete finished instances and their history.</summary>
internal static class PurgeEndpoints
{
    public static async Task<IResult> PurgeOneAsync(string instanceId, [FromServices] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var id = RequestParameters.InstanceId(instanceId);
        var instance = await client.GetInstanceAsync(id, cancellationToken: cancellationToken);
        if (instance is null) return ManagementResults.InstanceNotFound(id);
        if (!instance.RuntimeStatus.IsTerminal())
            return ManagementResults.Problem(StatusCodes.Status412PreconditionFailed, "Only finished instances can be purged.",
                $"Instance '{id}' is {instance.RuntimeStatus}; only Completed, Failed, Terminated or Canceled instances can be purged.");

        var result = await client.PurgeInstanceAsync(id, cancellationToken);
        return result.PurgedInstanceCount == 0
            ? ManagementResults.InstanceNotFound(id)
            : Deleted(result.PurgedInstanceCount);
    }

    public static async Task<IResult> PurgeManyAsync(HttpRequest request, [FromServices] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var from = RequestParameters.Time(request, "createdTimeFrom")
            ?? throw new InvalidRequestException("createdTimeFrom", "createdTimeFrom is required when purging by filter, so that a bare DELETE cannot erase every instance.");
        var filter = new PurgeInstancesFilter(from, RequestParameters.Time(request, "createdTimeTo"), RequestParameters.Statuses(request, "runtimeStatus"));
        var result = await client.PurgeAllInstancesAsync(filter, cancellationToken);
        return result.PurgedInstanceCount == 0
            ? ManagementResults.Problem(StatusCodes.Status404NotFound, "No instances were purged.", "No finished instance matched the filter.")
            : Deleted(result.PurgedInstanceCount);
    }

    private static IResult Deleted(int count) =>
        TypedResults.Json(new PurgeResponse(count), ManagementJsonContext.Default.PurgeResponse);
}
