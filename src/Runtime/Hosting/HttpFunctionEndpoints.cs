using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime.Hosting.CustomHandler;

namespace Serverless.Runtime.Hosting;

/// <summary>
/// Maps [HttpTrigger] functions to routes under /api/, with the Functions key check in front (left to the Functions
/// host for the requests it forwards when this app is its custom handler).
/// </summary>
public static class HttpFunctionEndpoints
{
    public const string RoutePrefix = "api";

    public static string RouteOf(FunctionDefinition function) =>
        $"/{RoutePrefix}/{(((HttpTriggerAttribute)function.Trigger).Route ?? function.Name).TrimStart('/')}";

    /// <summary>Maps each HTTP function; the <paramref name="disabled"/> ones answer 404 to every key but the master key, as in Azure.</summary>
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, IEnumerable<FunctionDefinition> functions, IReadOnlySet<string>? disabled = null)
    {
        foreach (var function in functions.Where(f => f.Kind == FunctionTriggerKind.Http))
        {
            var trigger = (HttpTriggerAttribute)function.Trigger;
            var invoker = new FunctionInvoker(function);
            var isDisabled = disabled?.Contains(function.Name) == true;
            RequestDelegate handler = context => InvokeAsync(context, invoker, trigger.AuthLevel, isDisabled);
            var builder = trigger.Methods.Length == 0
                ? endpoints.Map(RouteOf(function), handler)
                : endpoints.MapMethods(RouteOf(function), [.. trigger.Methods.Select(m => m.ToUpperInvariant())], handler);
            builder.WithName(function.Name);
        }
        return endpoints;
    }

    private static async Task InvokeAsync(HttpContext http, FunctionInvoker invoker, AuthorizationLevel level, bool disabled)
    {
        var keys = http.RequestServices.GetRequiredService<FunctionKeys>();
        var presented = PresentedKey(http.Request);
        // Callers without the master key are not told that a disabled function exists.
        if (!FunctionsHostCaller.IsFunctionsHost(http) && disabled && !keys.Allows(AuthorizationLevel.Admin, presented))
        {
            await Problems.Write(http, StatusCodes.Status404NotFound, "Not found", "There is no function at this address.");
            return;
        }
        if (!FunctionsHostCaller.IsFunctionsHost(http) && !keys.Allows(level, presented))
        {
            await Problems.Write(http, StatusCodes.Status401Unauthorized, "Unauthorized", RefusalDetail(level, presented is not null));
            return;
        }
        if (!FunctionsHostCaller.IsFunctionsHost(http) && keys.Users.Any)
            ClientPrincipal.Assign(http.Request, keys.UserOf(presented));
        var context = new FunctionContext(invoker.Function.Name, http.TraceIdentifier, http.RequestServices, http.RequestAborted);
        object? result;
        try
        {
            result = await invoker.InvokeAsync(new InvocationArguments(http.RequestServices, http.Request, context, http));
        }
        catch (BadHttpRequestException ex)
        {
            await Problems.Write(http, ex.StatusCode, "Bad request", ex.Message);
            return;
        }
        await WriteResultAsync(http, result);
    }

    private static string RefusalDetail(AuthorizationLevel level, bool keyPresented) => (level, keyPresented) switch
    {
        (AuthorizationLevel.Admin, true) => "This function needs the master key (or an admin's personal key); the key sent is neither.",
        (AuthorizationLevel.System, true) => "This function needs the system or master key; the key sent is neither.",
        (_, true) => "The key sent is not valid for this function.",
        _ => "This function needs a key: pass it as the 'code' query parameter or the 'x-functions-key' header.",
    };

    public static string? PresentedKey(HttpRequest request) =>
        request.Headers.TryGetValue("x-functions-key", out var header) && !string.IsNullOrEmpty(header) ? header.ToString()
        : request.Query.TryGetValue("code", out var code) && !string.IsNullOrEmpty(code) ? code.ToString() : null;

    private static async Task WriteResultAsync(HttpContext http, object? result)
    {
        switch (result)
        {
            case IResult typed:
                await typed.ExecuteAsync(http);
                break;
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
                break;
            case null:
                if (!http.Response.HasStarted) http.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            case string text:
                await Results.Text(text).ExecuteAsync(http);
                break;
            default:
                await Results.Json(result).ExecuteAsync(http);
                break;
        }
    }
}
