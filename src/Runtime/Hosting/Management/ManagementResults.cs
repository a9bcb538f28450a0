using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Serverless.Runtime.Hosting.Management;

/// <summary>The management API's responses other than payloads: problem details for every 4xx/5xx, and headers.</summary>
internal static class ManagementResults
{
    public const string GenericErrorTitle = "Something went wrong while processing your request.";

    public static ValidationProblem BadRequest(string field, string detail) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [detail] },
            detail: detail,
            title: $"The request's '{field}' is invalid.");

    public static ProblemHttpResult Problem(int status, string title, string? detail = null) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });

    public static ProblemHttpResult InstanceNotFound(string instanceId) =>
        Problem(StatusCodes.Status404NotFound, "Instance not found.", $"No orchestration instance with id '{instanceId}' exists.");

    public static ProblemHttpResult InstanceGone(string instanceId, object status) =>
        Problem(StatusCodes.Status410Gone, "Instance has finished.", $"Orchestration instance '{instanceId}' has already finished ({status}).");

    public static ProblemHttpResult ServerError() => Problem(StatusCodes.Status500InternalServerError, GenericErrorTitle);

    public static IResult WithHeaders(this IResult result, params (string Name, string Value)[] headers) => new HeaderResult(result, headers);

    private sealed class HeaderResult(IResult inner, (string Name, string Value)[] headers) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            foreach (var (name, value) in headers) httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
