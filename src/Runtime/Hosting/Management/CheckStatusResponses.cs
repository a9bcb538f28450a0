using Microsoft.AspNetCore.Http;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Hosting.Management;

/// <summary>
/// What HTTP-trigger starter functions return after starting an orchestration, as in Durable Functions: 202 Accepted,
/// <c>Location</c> = the status link, <c>Retry-After: 10</c>, and the management links as the body.
/// </summary>
public static class CheckStatusResponses
{
    public const int RetryAfterSeconds = 10;

    public static IResult CreateCheckStatusResponse(this DurableTaskClient client, HttpRequest request, string instanceId, bool returnInternalServerErrorOnFailure = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        var payload = ManagementLinks.Payload(request, instanceId, returnInternalServerErrorOnFailure);
        return TypedResults.Json(payload, ManagementJsonContext.Default.HttpManagementPayload, statusCode: StatusCodes.Status202Accepted)
            .WithHeaders(("Location", payload.StatusQueryGetUri), ("Retry-After", RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The management links for an instance, with the scheme and host of <paramref name="request"/>.</summary>
    public static HttpManagementPayload CreateHttpManagementPayload(this DurableTaskClient client, HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(client);
        return ManagementLinks.Payload(request, instanceId);
    }
}
