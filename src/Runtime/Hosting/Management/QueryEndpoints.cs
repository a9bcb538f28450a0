using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Hosting.Management;

/// <summary><c>GET /instances/{id}</c> (one instance's status) and <c>GET /instances</c> (a page of instances).</summary>
internal static class QueryEndpoints
{
    public const string ContinuationTokenHeader = "x-ms-continuation-token";
    public const int DefaultPageSize = 100;

    public static async Task<IResult> GetStatusAsync(string instanceId, HttpRequest request, [FromServices] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(RequestParameters.InstanceId(instanceId), getInputsAndOutputs: true, cancellationToken);
        return instance is null
            ? TypedResults.NotFound()
            : await StatusResponses.ForAsync(request, client, instance, cancellationToken);
    }

    public static async Task<IResult> ListAsync(HttpRequest request, [FromServices] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var token = request.Headers[ContinuationTokenHeader].FirstOrDefault();
        var query = new OrchestrationQuery
        {
            CreatedFrom = RequestParameters.Time(request, "createdTimeFrom"),
            CreatedTo = RequestParameters.Time(request, "createdTimeTo"),
            Statuses = RequestParameters.Statuses(request, "runtimeStatus"),
            InstanceIdPrefix = RequestParameters.String(request, "instanceIdPrefix"),
            PageSize = RequestParameters.PositiveInt(request, "top") ?? DefaultPageSize,
            FetchInputsAndOutputs = true,
            ContinuationToken = string.IsNullOrEmpty(token) ? null : token,
        };
        var showInput = RequestParameters.Bool(request, "showInput", true);

        OrchestrationPage page;
        try
        {
            page = await client.GetInstancesPageAsync(query, cancellationToken);
        }
        catch (ArgumentException ex) when (query.ContinuationToken is not null)
        {
            return ManagementResults.BadRequest(ContinuationTokenHeader, ProblemText.Of(ex));
        }

        IReadOnlyList<InstanceStatusPayload> statuses = [.. page.Instances.Select(i => StatusPayloads.From(i, showInput))];
        return TypedResults.Json(statuses, ManagementJsonContext.Default.IReadOnlyListInstanceStatusPayload)
            .WithHeaders((ContinuationTokenHeader, page.ContinuationToken ?? ""));
    }
}
