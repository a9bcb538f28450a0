using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Hosting.Management;

/// <summary>
/// Runs around every management endpoint: authorization, the <c>taskHub</c>/<c>connection</c> check, and turning
/// exceptions into responses — a caller's mistake into a 4xx naming what was wrong, anything else into a 500 whose
/// details go only to the log.
/// </summary>
internal sealed class ManagementApiFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var authorizer = http.RequestServices.GetService<IManagementApiAuthorizer>();
        if (authorizer is not null && !authorizer.IsAuthorized(request))
        {
            Logs.For(http).RequestRefused(request.Method, request.Path);
            return ManagementResults.Problem(StatusCodes.Status401Unauthorized, "Unauthorized.", "A valid system key is required to call the durable task management API.");
        }

        var options = ManagementLinks.Options(http);
        if (NamesOther(request, "taskHub", options.HubName) is { } hub)
            return ManagementResults.BadRequest("taskHub", $"This host serves task hub '{options.HubName}', not '{hub}'.");
        if (NamesOther(request, "connection", options.ConnectionName) is { } connection)
            return ManagementResults.BadRequest("connection", $"This host uses connection '{options.ConnectionName}', not '{connection}'.");

        try
        {
            return await next(context);
        }
        catch (InvalidRequestException ex)
        {
            return ManagementResults.BadRequest(ex.Field, ex.Message);
        }
        catch (InstanceNotFoundException ex)
        {
            return ManagementResults.InstanceNotFound(ex.InstanceId);
        }
        catch (InstanceFinishedException ex)
        {
            return ManagementResults.InstanceGone(ex.InstanceId, ex.Status);
        }
        catch (InstanceAlreadyExistsException ex)
        {
            return ManagementResults.Problem(StatusCodes.Status409Conflict, "An instance with this id is still running.", ex.Message);
        }
        catch (FunctionNotFoundException ex)
        {
            return ManagementResults.BadRequest("functionName", ProblemText.Of(ex));
        }
        catch (PayloadTooLargeException ex)
        {
            return ManagementResults.BadRequest("body", ProblemText.Of(ex));
        }
        catch (ArgumentException ex)
        {
            return ManagementResults.BadRequest(ex.ParamName ?? "request", ProblemText.Of(ex));
        }
        catch (BadHttpRequestException ex)
        {
            return ManagementResults.Problem(ex.StatusCode, "The request could not be read.", ex.Message);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (Exception ex)
        {
            Logs.For(http).RequestFailed(request.Method, request.Path, ex);
            return ManagementResults.ServerError();
        }
    }

    private static string? NamesOther(HttpRequest request, string parameter, string ours)
    {
        var value = RequestParameters.String(request, parameter);
        return string.IsNullOrWhiteSpace(value) || value.Equals(ours, StringComparison.OrdinalIgnoreCase) ? null : value;
    }
}
