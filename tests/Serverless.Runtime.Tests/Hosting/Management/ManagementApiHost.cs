using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting.Management;
using Serverless.Runtime.Storage.InMemory;

namespace Serverless.Runtime.Tests.Hosting.Management;

/// <summary>
/// A real Kestrel host on a loopback port serving the management API over a running engine (in-memory store, real
/// clock), with a few orchestrations a test can drive: Hello (the docs' E1_HelloSequence), Waiter (waits for "Go"),
/// Fail, Parent (calls Hello as a sub-orchestration) and Echo.
/// </summary>
public sealed class ManagementApiHost : IAsyncDisposable
{
    public static readonly string[] Cities = ["Tokyo", "Seattle", "London"];

    private readonly WebApplication _app;
    private readonly DurableTaskEngine _engine;

    private ManagementApiHost(WebApplication app, DurableTaskEngine engine, Uri baseAddress, LogSink logs)
    {
        _app = app;
        _engine = engine;
        BaseAddress = baseAddress;
        Logs = logs;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }
    public HttpClient Http { get; }
    public DurableTaskClient Client => _engine.Client;
    public LogSink Logs { get; }

    /// <summary>The origin links should carry, e.g. <c>http://127.0.0.1:5123</c>.</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    public static async Task<ManagementApiHost> StartAsync(Action<IServiceCollection>? configureServices = null, Action<WebApplication>? configureApp = null)
    {
        var registry = new DurableTaskRegistry();
        Register(registry);
        var engine = new DurableTaskEngine(new InMemoryOrchestrationStore(TimeProvider.System, "api-test"), registry,
            new DurableTaskEngineOptions { WorkerId = "api-test", MaxPayloadBytes = 64 * 1024 });
        await engine.StartAsync();

        var logs = new LogSink();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.Services.AddSingleton(engine.Client);
        builder.Services.AddSingleton(registry);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapDurableTaskManagementApi();
        configureApp?.Invoke(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new ManagementApiHost(app, engine, new Uri(address), logs);
    }

    private static void Register(DurableTaskRegistry registry) => registry
        .AddActivityFunc<string, string>("SayHello", (_, city) => $"Hello {city}!")
        .AddActivityFunc<string, string>("Boom", string (TaskActivityContext _, string what) => throw new InvalidOperationException($"{what} exploded"))
        .AddOrchestratorFunc<List<string>>("Hello", async ctx =>
        {
            ctx.SetCustomStatus(new { nextActions = new[] { "A", "B", "C" }, foo = 2 });
            var greetings = new List<string>();
            foreach (var city in Cities) greetings.Add(await ctx.CallActivityAsync<string>("SayHello", city));
            return greetings;
        })
        .AddOrchestratorFunc<string?, string>("Waiter", async (ctx, input) =>
        {
            var value = await ctx.WaitForExternalEvent<JsonElement>("Go");
            return $"{input}:{value.GetRawText()}";
        })
        .AddOrchestratorFunc<string>("Fail", async ctx => await ctx.CallActivityAsync<string>("Boom", "the deploy"))
        .AddOrchestratorFunc<List<string>>("Parent", async ctx => await ctx.CallSubOrchestratorAsync<List<string>>("Hello"))
        .AddOrchestratorFunc<JsonElement?, JsonElement?>("Echo", (_, input) => Task.FromResult(input));

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public Task<HttpResponseMessage> PostAsync(string path, string? json = null) =>
        Http.PostAsync(path, json is null ? null : Json(json));

    /// <summary>Starts through the API and returns the new instance's id.</summary>
    public async Task<string> StartAsync(string name, string? json = null, string? instanceId = null)
    {
        using var response = await PostAsync($"runtime/webhooks/durabletask/orchestrators/{name}{(instanceId is null ? "" : "/" + instanceId)}", json);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await ReadJsonAsync(response))!["id"]!.GetValue<string>();
    }

    public async Task<OrchestrationMetadata> CompletionAsync(string instanceId) =>
        await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true).WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Polls until the instance has the status (the engine works on other threads); fails after a generous deadline.</summary>
    public async Task UntilStatusAsync(string instanceId, OrchestrationRuntimeStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Client.GetInstanceAsync(instanceId))?.RuntimeStatus != status)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Instance {instanceId} did not become {status}.");
            await Task.Delay(10);
        }
    }

    public static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync());

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues)
        : null;

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _engine.DisposeAsync();
    }
}

/// <summary>Keeps every log line written through the host's logging.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception)}");
    }
}
