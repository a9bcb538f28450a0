using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;

namespace Serverless.Runtime.Tests.Hosting.CustomHandler;

/// <summary>One timer function invocation as the function saw it.</summary>
public sealed record TimerCall(string Function, TimerInfo Info, string InvocationId);

/// <summary>Where the test timer functions record their invocations.</summary>
public sealed class TimerCalls
{
    private readonly ConcurrentQueue<TimerCall> _calls = new();

    public IReadOnlyList<TimerCall> All => [.. _calls];

    public void Record(TimerCall call) => _calls.Enqueue(call);
}

/// <summary>An app with every kind of function, as the Functions host would see it when this app is its custom handler.</summary>
public sealed class CustomHandlerFunctions(TimerCalls calls, ILogger<CustomHandlerFunctions> logger)
{
    [Function("Nightly")]
    public void Nightly([TimerTrigger("0 30 2 * * *")] TimerInfo timer, FunctionContext context)
    {
        calls.Record(new TimerCall(context.FunctionName, timer, context.InvocationId));
        logger.LogInformation("Nightly ran; past due: {IsPastDue}", timer.IsPastDue);
        logger.LogWarning("Disk {Percent}% full", 91);
    }

    [Function("EverySecond")]
    public Task EverySecond([TimerTrigger("* * * * * *", RunOnStartup = true, UseMonitor = false)] TimerInfo myTimer, FunctionContext context)
    {
        calls.Record(new TimerCall(context.FunctionName, myTimer, context.InvocationId));
        return Task.CompletedTask;
    }

    [Function("Failing")]
    public void Failing([TimerTrigger("0 0 * * * *")] TimerInfo timer) => throw new InvalidOperationException("the function broke");

    [Function("Ping")]
    public string Ping([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req) => "pong";

    [Function("Secret")]
    public string Secret([HttpTrigger(AuthorizationLevel.System, "post", "PUT", Route = "/secret/{id}")] HttpRequest req, string id) => $"secret {id}";

    [Function("Orchestrate")]
    public Task<string> Orchestrate([OrchestrationTrigger] TaskOrchestrationContext context) => context.CallActivityAsync<string>("Work", "x");

    [Function("Work")]
    public string Work([ActivityTrigger] string input) => input;
}
