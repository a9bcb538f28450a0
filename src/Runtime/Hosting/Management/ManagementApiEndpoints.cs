using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Serverless.Runtime.Hosting.Management;

public static class ManagementApiEndpoints
{
    /// <summary>
    /// Maps the Durable Functions HTTP management API under <c>/runtime/webhooks/durabletask</c>: start, status, list,
    /// raise event, terminate, suspend, resume, rewind, restart and purge, wire-compatible with Durable Functions.
    /// <see cref="Serverless.Runtime.Durable.DurableTaskClient"/> and <see cref="Serverless.Runtime.Durable.DurableTaskRegistry"/>
    /// come from DI; <see cref="DurableManagementApiOptions"/> and <see cref="IManagementApiAuthorizer"/> too, when registered.
    /// </summary>
    public static IEndpointRouteBuilder MapDurableTaskManagementApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ManagementLinks.BasePath)
            .AddEndpointFilter<ManagementApiFilter>()
            .WithGroupName("durabletask")
            .ExcludeFromDescription();

        api.MapPost("/orchestrators/{functionName}/{instanceId?}", StartEndpoint.HandleAsync);

        api.MapGet("/instances", QueryEndpoints.ListAsync);
        api.MapGet("/instances/{instanceId}", QueryEndpoints.GetStatusAsync);

        api.MapPost("/instances/{instanceId}/raiseEvent/{eventName}", CommandEndpoints.RaiseEventAsync);
        api.MapPost("/instances/{instanceId}/terminate", CommandEndpoints.TerminateAsync);
        api.MapPost("/instances/{instanceId}/suspend", CommandEndpoints.SuspendAsync);
        api.MapPost("/instances/{instanceId}/resume", CommandEndpoints.ResumeAsync);
        api.MapPost("/instances/{instanceId}/rewind", CommandEndpoints.RewindAsync);
        api.MapPost("/instances/{instanceId}/restart", CommandEndpoints.RestartAsync);

        api.MapDelete("/instances", PurgeEndpoints.PurgeManyAsync);
        api.MapDelete("/instances/{instanceId}", PurgeEndpoints.PurgeOneAsync);
        return endpoints;
    }
}
