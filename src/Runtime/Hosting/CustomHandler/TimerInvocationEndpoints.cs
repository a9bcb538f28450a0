using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Serverless.Runtime.Hosting.CustomHandler;

/// <summary>
/// Answers the Functions host's <c>POST /{FunctionName}</c> invocation requests for timer functions, as a custom
/// handler does. HTTP functions need none: the host forwards their requests to /api/... as they came.
/// </summary>
public static class TimerInvocationEndpoints
{
    public const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    private static readonly IReadOnlyDictionary<string, object?> NoOutputs = new Dictionary<string, object?>();

    public static IEndpointRouteBuilder MapTimerInvocations(this IEndpointRouteBuilder endpoints, IEnumerable<FunctionDefinition> functions)
    {
        var timers = functions.Where(f => f.Kind == FunctionTriggerKind.Timer)
            .ToDictionary(f => f.Name, f => new FunctionInvoker(f), StringComparer.OrdinalIgnoreCase);
        endpoints.MapPost("/{functionName}", http => InvokeAsync(http, timers)).WithName("CustomHandlerInvocation");
        return endpoints;
    }

    private static async Task InvokeAsync(HttpContext http, IReadOnlyDictionary<string, FunctionInvoker> timers)
    {
        var name = http.GetRouteValue("functionName") as string ?? "";
        var logger = http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(Logs.Category) ?? NullLogger.Instance;
        if (!FunctionsHostCaller.IsFunctionsHost(http))
        {
            await Problems.Write(http, StatusCodes.Status403Forbidden, "Forbidden", "Invocation requests come from the Azure Functions host only.");
            return;
        }
        if (!timers.TryGetValue(name, out var invoker))
        {
            await Problems.Write(http, StatusCodes.Status404NotFound, "Function not found",
                $"This app has no timer function named '{name}'. (HTTP functions are served under /{HttpFunctionEndpoints.RoutePrefix}/.)");
            return;
        }
        TimerInfo timer;
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
            timer = TimerInvocationPayload.Read(body.RootElement, FunctionJson.TriggerBindingName(invoker.Function));
        }
        catch (Exception ex) when (ex is JsonException or InvalidInvocationPayloadException)
        {
            var field = (ex as InvalidInvocationPayloadException)?.Field;
            var detail = ex is JsonException ? $"The invocation payload is not JSON: {ex.Message}" : ex.Message;
            logger.InvocationRefused(invoker.Function.Name, field, detail);
            await Problems.Write(http, StatusCodes.Status400BadRequest, "Invalid invocation payload", detail, field);
            return;
        }

        var invocationId = http.Request.Headers[InvocationIdHeader] is { Count: > 0 } header ? header.ToString() : http.TraceIdentifier;
        var context = new FunctionContext(invoker.Function.Name, invocationId, http.RequestServices, http.RequestAborted);
        IReadOnlyList<string> logs;
        using (var capture = InvocationLogCapture.Begin())
        {
            try
            {
                await invoker.InvokeAsync(new InvocationArguments(http.RequestServices, timer, context));
            }
            catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
            {
                logger.TimerInvocationFailed(invoker.Function.Name, invocationId, ex);
                await Problems.Write(http, StatusCodes.Status500InternalServerError, "Function failed",
                    $"Timer function '{invoker.Function.Name}' threw {ex.GetType().Name}; the handler's log has the details.");
                return;
            }
            logs = capture.ToList();
        }
        await Results.Json(new InvocationResponse(NoOutputs, logs, null), InvocationResponse.SerializerOptions).ExecuteAsync(http);
    }
}
