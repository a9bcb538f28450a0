using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Functions.Webhooks;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;
using Serverless.Testing.GitHub;
using Serverless.Testing.Local;

namespace Serverless.Functions.Tests.Support;

/// <summary>
/// The function app inside the test process: its own function types and <c>AddPipelines</c>, as Program.cs wires
/// them, on a real Kestrel port with a fresh data folder, the GitHub fake, and free ports for the local target.
/// Settings go in as command-line arguments, which win over anything in the environment.
/// </summary>
public sealed class FunctionsApp : IAsyncDisposable
{
    public const string Secret = "functions-tests-webhook-secret";
    public const string FunctionKey = "functions-tests-function-key";

    private readonly WebApplication _app;
    private readonly TempDirectory _data;

    private FunctionsApp(WebApplication app, TempDirectory data, FakeGitHubApi gitHub, int port)
    {
        _app = app;
        _data = data;
        GitHub = gitHub;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        Http = new HttpClient { BaseAddress = BaseUrl };
        Http.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
    }

    public Uri BaseUrl { get; }

    /// <summary>Sends the function key with every request.</summary>
    public HttpClient Http { get; }

    public FakeGitHubApi GitHub { get; }

    public DurableTaskClient Client => _app.Services.GetRequiredService<DurableTaskClient>();

    public string DataDirectory => _data.Path;

    /// <param name="settings">Added to (or replacing) the defaults; an empty value unsets a setting.</param>
    public static async Task<FunctionsApp> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var data = new TempDirectory("functions-app");
        var gitHub = await FakeGitHubApi.StartAsync();
        var port = FreePort.Next();
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["PIPELINES_DATA_DIR"] = data.Path,
            ["DURABLE_WORKER_ID"] = "functions-tests",
            ["PIPELINES_PUBLIC_URL"] = $"http://127.0.0.1:{port}/",
            [WebhookSettings.SecretSetting] = Secret,
            [FunctionKeys.FunctionKeySetting] = FunctionKey,
            ["PIPELINES_REPOSITORIES"] = "",
            ["GITHUB_API_URL"] = gitHub.BaseUrl.ToString(),
            ["GITHUB_TOKEN"] = gitHub.ExpectedToken,
            ["SLACK_WEBHOOK_URL"] = "",
            ["LocalTarget:Ports:dev"] = FreePort.Next().ToString(),
            ["LocalTarget:Ports:staging"] = FreePort.Next().ToString(),
            ["LocalTarget:Ports:production"] = FreePort.Next().ToString(),
        };
        foreach (var (name, value) in TestHostDefaults.With(settings)) all[name] = value;
        string[] args = ["--port", port.ToString(), .. all.Select(s => $"--{s.Key}={s.Value}")];

        var builder = FunctionsApplication.CreateBuilder(args, typeof(GitHubWebhookFunction).Assembly.GetTypes());
        builder.Services.AddPipelines(builder.Configuration, builder.GetFunctionsHostOptions());
        var app = builder.Build();
        app.MapFunctions();
        await app.StartAsync();
        return new FunctionsApp(app, data, gitHub, port);
    }

    public async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await Http.SendAsync(request))
            return await Answer.ReadAsync(response);
    }

    public Task<Answer> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>True when an orchestration with this id exists (a run, a queue, a gate).</summary>
    public async Task<bool> ExistsAsync(string instanceId) => await Client.GetInstanceAsync(instanceId) is not null;

    /// <summary>GET /api/runs/{id} until the run is neither queued nor running.</summary>
    public async Task<JsonElement> WaitForRunAsync(string runId, TimeSpan? deadline = null)
    {
        JsonElement run = default;
        await Eventually.TrueAsync(async () =>
        {
            run = await Http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}");
            return run.GetProperty("run").GetProperty("status").GetString() is not ("Running" or "Queued");
        }, $"run {runId} finishes", deadline ?? TimeSpan.FromMinutes(2));
        return run;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await GitHub.DisposeAsync();
        _data.Dispose();
    }
}
