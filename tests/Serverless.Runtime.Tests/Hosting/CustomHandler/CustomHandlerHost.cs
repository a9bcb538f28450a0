using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;
using Serverless.Testing.Local;

namespace Serverless.Runtime.Tests.Hosting.CustomHandler;

/// <summary>
/// The Functions-style host over <see cref="CustomHandlerFunctions"/> on a real Kestrel port, started as the Azure
/// Functions host starts a custom handler (FUNCTIONS_CUSTOMHANDLER_PORT set) or, for comparison, on its own.
/// </summary>
public sealed class CustomHandlerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CustomHandlerHost(WebApplication app, int port, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public string DataDirectory { get; }
    public HttpClient Http { get; }
    public TimerCalls Calls => _app.Services.GetRequiredService<TimerCalls>();
    public DurableTaskClient Client => _app.Services.GetRequiredService<DurableTaskClient>();

    public static async Task<CustomHandlerHost> StartAsync(bool asCustomHandler = true, string? dataDirectory = null)
    {
        dataDirectory ??= Directory.CreateTempSubdirectory("custom-handler-").FullName;
        var port = FreePort.Next().ToString();
        string[] args = ["--port", port, "--PIPELINES_DATA_DIR", dataDirectory, "--DURABLE_WORKER_ID", "custom-handler-tests",
            .. asCustomHandler ? [$"--{FunctionsHostOptions.CustomHandlerPortSetting}", port] : Array.Empty<string>()];
        var builder = FunctionsApplication.CreateBuilder(args, [typeof(CustomHandlerFunctions)]);
        builder.Services.AddSingleton<TimerCalls>();
        var app = builder.Build();
        app.MapFunctions();
        await app.StartAsync();
        return new CustomHandlerHost(app, int.Parse(port), dataDirectory);
    }

    /// <summary>Posts an invocation request to <c>/{functionName}</c> as the Functions host does.</summary>
    public Task<HttpResponseMessage> InvokeAsync(string functionName, string payload, string? invocationId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/" + functionName) { Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json") };
        if (invocationId is not null) request.Headers.Add("X-Azure-Functions-InvocationId", invocationId);
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/4.1040.0");
        return Http.SendAsync(request);
    }

    public async Task<IReadOnlyList<OrchestrationMetadata>> DurableTimersAsync() =>
        (await Client.GetInstancesPageAsync(new OrchestrationQuery { InstanceIdPrefix = "timer-" })).Instances;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
