using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Hosting.Management;

/// <summary>
/// <c>POST /instances/{id}/{raiseEvent/{name}|terminate|suspend|resume|rewind|restart}</c>. The engine refuses messages
/// to unknown (404) and finished (410) instances; the filter turns those refusals into responses.
/// </summary>
internal static class CommandEndpoints
{
    public static async Task<IResult> RaiseEventAsync(string instanceId, string eventName, HttpRequest request, [FromServices] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var id = RequestParameters.InstanceId(instanceId);
        var instance = await client.GetInstanceAsync(id, cancellationToken: cancellationToken);
        if (instance is null) return ManagementResults.InstanceNotFound(id);
        if (instance.RuntimeStatus.IsTerminal()) return ManagementResults.InstanceGone(id, instance.RuntimeStatus);
        if (!RequestBodies.IsJsonContentType(request))
            return ManagementResults.BadRequest("Content-Type", $"Event data must be sent as application/json (was '{request.ContentType ?? "none"}').");

        var payload = await RequestBodies.ReadJsonAsync(request, "body", cancellationToken);
        try
        {
            await client.RaiseEventAsync(id, eventName, payload, cancellationToken);
        }
        catch (PayloadTooLargeException ex)
        {
            return ManagementResults.BadRequest("body", ProblemText.Of(ex));
        }
        return TypedResults.StatusCode(StatusCodes.Status202Accepted);
    }

    public static async Task<IResult> TerminateAsync(string instanceId, HttpRequest request, [FromServices] DurableTaskClient client, CancellationToken cancellationToken)
    {
        await client.TerminateInstanceAsync(RequestParameters.InstanceId(instanceId), RequestParameters.String(request, "reason"), cancellationToken);
        return TypedResults.StatusCode(StatusCodes.Status202Accepted);
    }

    public static async Task<IResult> SuspendAsync(string instanceId, HttpRequest request, [FromServices] DurableTaskClient client, CancellationToken cancellationToken)
    {
        await client.SuspendInstanceAsync(RequestParameters.InstanceId(instanceId), RequestParameters.String(request, "reason"), cancellationToken);
        return TypedResults.StatusCode(StatusCodes.Status202Accepted);
    }

    public static async Task<IResult> ResumeAsync(string instanceId, HttpRequest request, [FromServices] DurableTaskClient client, CancellationToken cancellationToken)
    {
        await client.ResumeInstanceAsync(RequestParameters.InstanceId(instanceId), RequestParameters.String(request, "reason"), cancellationToken);
        return TypedResults.StatusCode(StatusCodes.Status202Accepted);
    }

    /// <summary>Checked in the order a caller can act on: does it exist, is it Failed, and only then: we cannot rewind.</summary>
    public static async Task<IResult> RewindAsync(string instanceId, [FromServices] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var id = RequestParameters.InstanceId(instanceId);
        var instance = await client.GetInstanceAsync(id, cancellationToken: cancellationToken);
        if (instance is null) return ManagementResults.InstanceNotFound(id);
        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Failed)
            return ManagementResults.Problem(StatusCodes.Status412PreconditionFailed, "Only failed instances can be rewound.",
                $"Instance '{id}' is {instance.RuntimeStatus}; only instances in the Failed state can be rewound.");
        return ManagementResults.Problem(StatusCodes.Status501NotImplemented, "Rewind is not supported.",
            "This host's orchestration stores cannot rewind an instance. Restart it instead (POST .../restart).");
    }

    /// <summary>Starts the instance again with its original input; by default under a new id, as Durable Functions does.</summary>
    public static async Task<IResult> RestartAsync(string instanceId, HttpRequest request, [FromServices] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var id = RequestParameters.InstanceId(instanceId);
        var withNewId = RequestParameters.Bool(request, "restartWithNewInstanceId", true);
        var wait = CompletionWait.FromQuery(request);
        string restarted;
        try
        {
            restarted = await client.RestartAsync(id, withNewId, cancellationToken);
        }
        catch (InstanceNotFoundException)
        {
            return ManagementResults.BadRequest("instanceId", $"No orchestration instance with id '{id}' exists.");
        }
        catch (FunctionNotFoundException ex)
        {
            return ManagementResults.BadRequest("instanceId", $"Instance '{id}' cannot be restarted: {ProblemText.Of(ex)}");
        }

        return wait is null
            ? client.CreateCheckStatusResponse(request, restarted)
            : await wait.RespondAsync(request, client, restarted, cancellationToken);
    }
}
