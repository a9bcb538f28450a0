using Microsoft.AspNetCore.Http;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Hosting.Management;

/// <summary>The response to a status query: 202 while the instance can still progress, 200 once it has finished.</summary>
internal static class StatusResponses
{
    public const int RetryAfterSeconds = 5;

    public static async Task<IResult> ForAsync(HttpRequest request, DurableTaskClient client, OrchestrationMetadata instance, CancellationToken cancellationToken)
    {
        var showHistory = RequestParameters.Bool(request, "showHistory", false);
        var showHistoryOutput = RequestParameters.Bool(request, "showHistoryOutput", false);
        var showInput = RequestParameters.Bool(request, "showInput", true);
        var failureIs500 = RequestParameters.Bool(request, "returnInternalServerErrorOnFailure", false);

        var history = showHistory
            ? HistoryShaper.Shape(await client.GetOrchestrationHistoryAsync(instance.InstanceId, cancellationToken), showHistoryOutput, showInput)
            : null;
        var payload = StatusPayloads.From(instance, showInput, history);

        var statusCode = instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Failed when failureIs500 => StatusCodes.Status500InternalServerError,
            _ when instance.RuntimeStatus.IsTerminal() => StatusCodes.Status200OK,
            _ => StatusCodes.Status202Accepted,
        };
        var result = TypedResults.Json(payload, ManagementJsonContext.Default.InstanceStatusPayload, statusCode: statusCode);
        return statusCode == StatusCodes.Status202Accepted
            ? result.WithHeaders(("Location", ManagementLinks.RequestUri(request)), ("Retry-After", $"{RetryAfterSeconds}"))
            : result;
    }
}
