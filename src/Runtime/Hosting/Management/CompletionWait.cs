using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Hosting.Management;

/// <summary>
/// <c>?timeout=S&amp;pollingInterval=S</c> on start and restart: wait up to S seconds for the instance to finish and
/// answer with its output (200) or its status (Failed/Terminated/Canceled), else with the usual 202 check-status
/// response. The engine signals completion, so <c>pollingInterval</c> is validated but not needed for timing.
/// </summary>
internal sealed record CompletionWait(TimeSpan Timeout)
{
    public static CompletionWait? FromQuery(HttpRequest request)
    {
        var timeout = RequestParameters.Seconds(request, "timeout");
        var pollingInterval = RequestParameters.Seconds(request, "pollingInterval");
        if (pollingInterval == TimeSpan.Zero)
            throw new InvalidRequestException("pollingInterval", "The polling interval must be more than 0 seconds.");
        if (timeout is { } t && pollingInterval is { } p && p > t)
            throw new InvalidRequestException("pollingInterval", $"The polling interval ({p.TotalSeconds:0.###} s) must not be longer than the timeout ({t.TotalSeconds:0.###} s).");
        return timeout is { } value ? new CompletionWait(value) : null;
    }

    public async Task<IResult> RespondAsync(HttpRequest request, DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        var time = request.HttpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        using var timeout = new CancellationTokenSource(Timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        OrchestrationMetadata finished;
        try
        {
            finished = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, either.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return client.CreateCheckStatusResponse(request, instanceId);
        }

        return finished.RuntimeStatus == OrchestrationRuntimeStatus.Completed
            ? TypedResults.Json(JsonPayloads.Parse(finished.SerializedOutput), ManagementJsonContext.Default.JsonNode)
            : await StatusResponses.ForAsync(request, client, finished, cancellationToken);
    }
}
