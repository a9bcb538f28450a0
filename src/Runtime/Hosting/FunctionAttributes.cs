namespace Serverless.Runtime.Hosting;

/// <summary>Marks a method as a function, as the isolated worker's [Function] does.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FunctionAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>Who may call an HTTP function, as in Azure Functions.</summary>
public enum AuthorizationLevel
{
    /// <summary>No key needed.</summary>
    Anonymous,
    /// <summary>Treated like <see cref="Function"/>: a function key, a host key or the master key.</summary>
    User,
    /// <summary>A function key, a host key or the master key (<c>?code=</c> or <c>x-functions-key</c>).</summary>
    Function,
    /// <summary>A system key (or the master key).</summary>
    System,
    /// <summary>The master key only.</summary>
    Admin,
}

/// <summary>Binds an ASP.NET Core <c>HttpRequest</c> parameter to requests on <c>/api/{Route}</c>.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class HttpTriggerAttribute : Attribute
{
    public HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods)
    {
        AuthLevel = authLevel;
        Methods = methods;
    }

    public HttpTriggerAttribute(params string[] methods) : this(AuthorizationLevel.Function, methods) { }

    public AuthorizationLevel AuthLevel { get; }
    /// <summary>HTTP methods accepted; empty means all.</summary>
    public string[] Methods { get; }
    /// <summary>Route template under <c>/api/</c>; defaults to the function name.</summary>
    public string? Route { get; set; }
}

/// <summary>Binds the <see cref="Durable.TaskOrchestrationContext"/> of an orchestrator function.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class OrchestrationTriggerAttribute : Attribute;

/// <summary>Binds the input of an activity function.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ActivityTriggerAttribute : Attribute;

/// <summary>Binds a <see cref="Durable.DurableTaskClient"/> parameter.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class DurableClientAttribute : Attribute;
