using Microsoft.AspNetCore.Http;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Status;

/// <summary>A liveness probe for load balancers and the walkthrough: is the host up, and is its store answering.</summary>
public sealed class StatusFunction(FunctionsHostOptions options)
{
    [Function("Status")]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        var running = await client.GetInstancesPageAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running], PageSize = 1 }, request.HttpContext.RequestAborted);
        return Results.Ok(new { status = "ok", store = options.Store, hub = options.HubName, orchestrationsRunning = running.Instances.Count > 0 });
    }
}
