using Microsoft.AspNetCore.Http;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Hosting.Management;

namespace Serverless.Runtime.Tests.Hosting;

/// <summary>A service the sample functions get through constructor injection.</summary>
public sealed class GreetingStyle
{
    public string Greeting { get; init; } = "Hello";
}

/// <summary>Functions written the way an isolated-worker Durable Functions app writes them, for the host tests.</summary>
public sealed class SampleFunctions(GreetingStyle style)
{
    [Function("Echo")]
    public IResult Echo([HttpTrigger(AuthorizationLevel.Function, "get", Route = "echo/{name}/{times:int}")] HttpRequest request, string name, int times, CancellationToken cancellationToken) =>
        Results.Ok(new { text = string.Concat(Enumerable.Repeat(name, times)), canceled = cancellationToken.IsCancellationRequested });

    [Function("Open")]
    public string Open([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) => "open to all";

    [Function("WhoAmI")]
    public string WhoAmI([HttpTrigger(AuthorizationLevel.Function, "get", Route = "whoami")] HttpRequest request) =>
        ClientPrincipal.NameOf(request) ?? "(nobody)";

    [Function("AdminOnly")]
    public IResult AdminOnly([HttpTrigger(AuthorizationLevel.Admin, "post", Route = "admin/reset")] HttpRequest request) => Results.NoContent();

    [Function("StartGreeting")]
    public async Task<IResult> StartGreeting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "greetings/{name}")] HttpRequest request,
        string name,
        [DurableClient] DurableTaskClient client)
    {
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetingOrchestrator), name);
        return client.CreateCheckStatusResponse(request, instanceId);
    }

    [Function(nameof(GreetingOrchestrator))]
    public async Task<string> GreetingOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var name = context.GetInput<string>()!;
        var first = await context.CallActivityAsync<string>(nameof(Greet), name);
        var second = await context.CallActivityAsync<string>(nameof(Greet), "again");
        return $"{first} / {second}";
    }

    [Function(nameof(Greet))]
    public string Greet([ActivityTrigger] string name, FunctionContext context) => $"{style.Greeting} {name} ({context.FunctionName})";
}
