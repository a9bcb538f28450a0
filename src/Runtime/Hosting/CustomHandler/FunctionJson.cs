using System.Text.Json.Nodes;

namespace Serverless.Runtime.Hosting.CustomHandler;

/// <summary>
/// The function.json the Azure Functions host reads for each HTTP and timer function, derived from the attributes.
/// Orchestration and activity functions run inside our engine, so the Functions host never sees them.
/// </summary>
public static class FunctionJson
{
    public const string FileName = "function.json";

    /// <summary>The trigger binding's name: the trigger parameter's, which is also the key of its value in an invocation's Data.</summary>
    public static string TriggerBindingName(FunctionDefinition function) => function.TriggerParameter.Name ?? "trigger";

    /// <summary>The function.json content, or null for a function the Functions host does not trigger.</summary>
    public static JsonObject? For(FunctionDefinition function) => function.Trigger switch
    {
        HttpTriggerAttribute http => Bindings(HttpTrigger(TriggerBindingName(function), http), HttpOutput()),
        TimerTriggerAttribute timer => Bindings(TimerTrigger(TriggerBindingName(function), timer)),
        _ => null,
    };

    // function.json documents only anonymous, function and admin: a system-level function gets admin (master key
    // only), the stricter neighbour, rather than being opened to every function key.
    public static string AuthLevelName(AuthorizationLevel level) => level switch
    {
        AuthorizationLevel.Anonymous => "anonymous",
        AuthorizationLevel.System or AuthorizationLevel.Admin => "admin",
        _ => "function",
    };

    private static JsonObject Bindings(params JsonObject[] bindings) => new() { ["bindings"] = new JsonArray(bindings) };

    private static JsonObject HttpTrigger(string name, HttpTriggerAttribute http)
    {
        var binding = new JsonObject
        {
            ["name"] = name,
            ["type"] = "httpTrigger",
            ["direction"] = "in",
            ["authLevel"] = AuthLevelName(http.AuthLevel),
        };
        if (http.Methods.Length > 0) binding["methods"] = new JsonArray([.. http.Methods.Select(m => JsonValue.Create(m.ToLowerInvariant()))]);
        if (http.Route is { } route) binding["route"] = route.TrimStart('/');
        return binding;
    }

    // A single http output next to the trigger is what makes the host forward the request as it came
    // (enableForwardingHttpRequest applies only to functions with exactly an httpTrigger in and an http out).
    private static JsonObject HttpOutput() => new() { ["name"] = "$return", ["type"] = "http", ["direction"] = "out" };

    private static JsonObject TimerTrigger(string name, TimerTriggerAttribute timer) => new()
    {
        ["name"] = name,
        ["type"] = "timerTrigger",
        ["direction"] = "in",
        ["schedule"] = timer.Schedule,
        ["runOnStartup"] = timer.RunOnStartup,
        ["useMonitor"] = timer.UseMonitor,
    };
}
