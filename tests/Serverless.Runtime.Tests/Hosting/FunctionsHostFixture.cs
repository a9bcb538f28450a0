using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime.Hosting;
using Serverless.Testing.Local;

namespace Serverless.Runtime.Tests.Hosting;

/// <summary>The Functions-style host over this test assembly's functions, on a real Kestrel port and a temp data folder.</summary>
public sealed class FunctionsHostFixture : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FunctionsHostFixture(WebApplication app, int port, string dataDirectory)
    {
        _app = app;
        Port = port;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public int Port { get; }
    public string DataDirectory { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;
    public FunctionKeys Keys => _app.Services.GetRequiredService<FunctionKeys>();

    public static async Task<FunctionsHostFixture> StartAsync(string? dataDirectory = null, params string[] extraArgs)
    {
        dataDirectory ??= Directory.CreateTempSubdirectory("functions-host-").FullName;
        var port = FreePort.Next();
        string[] args = ["--port", port.ToString(), "--PIPELINES_DATA_DIR", dataDirectory, "--DURABLE_WORKER_ID", "host-tests", .. extraArgs];
        var builder = FunctionsApplication.CreateBuilder(args, [typeof(SampleFunctions)]);
        builder.Services.AddSingleton(new GreetingStyle { Greeting = "Bonjour" });
        var app = builder.Build();
        app.MapFunctions();
        await app.StartAsync();
        return new FunctionsHostFixture(app, port, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
