using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Hosting.Management;

/// <summary><c>POST /orchestrators/{functionName}[/{instanceId}]</c>: starts an instance with the body as its input.</summary>
internal static class StartEndpoint
{
    public static async Task<IResult> HandleAsync(
        string functionName,
        string? instanceId,
        HttpRequest request,
        [FromServices] DurableTaskClient client,
        [FromServices] DurableTaskRegistry registry,
        CancellationToken cancellationToken)
    {
        if (!registry.HasOrchestrator(functionName))
        {
            var known = string.Join(", ", registry.OrchestratorNames.Order(StringComparer.OrdinalIgnoreCase));
            return ManagementResults.BadRequest("functionName", $"No orchestrator function named '{functionName}' is registered. Registered orchestrators: {known}.");
        }

        var id = string.IsNullOrEmpty(instanceId) ? null : RequestParameters.InstanceId(instanceId);
        var wait = CompletionWait.FromQuery(request);
        var input = await RequestBodies.ReadJsonAsync(request, "input", cancellationToken);

        string started;
        try
        {
            started = await client.ScheduleNewOrchestrationInstanceAsync(functionName, input, new StartOrchestrationOptions(id), cancellationToken);
        }
        catch (PayloadTooLargeException ex)
        {
            return ManagementResults.BadRequest("input", ProblemText.Of(ex));
        }

        Logs.For(request.HttpContext).InstanceStarted(functionName, started);
        return wait is null
            ? client.CreateCheckStatusResponse(request, started)
            : await wait.RespondAsync(request, client, started, cancellationToken);
    }
}
