using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Core.Artifacts;
using Serverless.Core.Integrations.Local.Target;
using Serverless.Functions.Operations.Health;
using Serverless.Functions.Tests.Support;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;
using Serverless.Testing.Local;
using Serverless.Testing.PagerDuty;
using Serverless.Testing.Slack;

namespace Serverless.Functions.Tests.Operations.Health;

/// <summary>The health monitor against hello-service really deployed on a local target; checks are started directly.</summary>
public sealed class HealthMonitorTests : IAsyncLifetime
{
    private const string Service = "hello-service";
    private readonly TempDirectory _temp = new("health-monitor");
    private readonly HttpClient _http = new();
    private readonly int _devPort = FreePort.Next();
    private FakeSlackWebhook _slack = null!;
    private FakePagerDuty _pagerDuty = null!;
    private LocalTarget _target = null!;
    private FileArtifactStore _artifacts = null!;
    private readonly int _hostPort = FreePort.Next();
    private WebApplication? _app;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackWebhook.StartAsync();
        _pagerDuty = await FakePagerDuty.StartAsync();
        _artifacts = new FileArtifactStore(_temp.Combine("artifacts"));
        _target = new LocalTarget(new LocalTargetOptions
        {
            DataDirectory = _temp.Combine("target"),
            Ports = new Dictionary<string, int> { ["dev"] = _devPort },
            HealthPollInterval = TimeSpan.FromMilliseconds(50),
            StopGracePeriod = TimeSpan.FromSeconds(3),
        }, _artifacts);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await _target.DisposeAsync();
        await _slack.DisposeAsync();
        await _pagerDuty.DisposeAsync();
        _http.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_service_that_stays_down_alerts_once_and_its_recovery_resolves_once()
    {
        await StartHostAsync(grace: TimeSpan.FromHours(1));
        await DeployAsync("v1");
        Assert.Empty(await CheckAsync());

        SetUnhealthy(true);
        for (var i = 0; i < 3; i++) await CheckAsync();

        var trigger = Assert.Single(_pagerDuty.Triggers);
        Assert.Equal("pipelines-health/dev/hello-service", trigger.DedupKey);
        Assert.Contains("hello-service in dev is unhealthy", Assert.Single(_slack.Messages).Text);

        SetUnhealthy(false);
        await CheckAsync();
        await CheckAsync();

        Assert.Equal(trigger.DedupKey, Assert.Single(_pagerDuty.Resolves).DedupKey);
        Assert.Equal(2, _slack.Messages.Count);
        Assert.Contains("All systems healthy", _slack.Messages[1].Text);
        var state = await HealthStateStore.LoadAsync(_artifacts);
        var service = state.Services["dev/hello-service"];
        Assert.True(service.Healthy);
        Assert.Equal(6, service.History.Count);
        Assert.Equal(3, service.History.Count(h => !h.Healthy));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{_hostPort}/api/health");
        request.Headers.Add("x-functions-key", _app!.Services.GetRequiredService<FunctionKeys>().FunctionKey);
        using var response = await _http.SendAsync(request);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        var shown = Assert.Single(Assert.Single(view.GetProperty("environments").EnumerateArray()).GetProperty("services").EnumerateArray());
        Assert.Equal(("hello-service", "healthy", 6), (shown.GetProperty("service").GetString(), shown.GetProperty("status").GetString(), shown.GetProperty("history").GetArrayLength()));
        Assert.False(shown.GetProperty("history")[2].GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task Asking_for_a_check_while_one_is_unfinished_joins_it_instead_of_starting_another()
    {
        await StartHostAsync(grace: TimeSpan.FromHours(1));
        await DeployAsync("v1");
        SetUnhealthy(true);
        var client = _app!.Services.GetRequiredService<DurableTaskClient>();
        // A check that has not finished: scheduled for later, so it stays pending for the whole test.
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(HealthMonitorOrchestrator), null,
            new StartOrchestrationOptions(HealthFunctions.InstanceId, DateTimeOffset.UtcNow.AddHours(1)));

        var joined = await PostCheckAsync();
        Assert.Equal((HealthFunctions.InstanceId, true), (joined.GetProperty("id").GetString(), joined.GetProperty("alreadyRunning").GetBoolean()));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await client.GetInstanceAsync(HealthFunctions.InstanceId))!.RuntimeStatus);
        Assert.Empty(_slack.Messages);

        await client.TerminateInstanceAsync(HealthFunctions.InstanceId, "test");
        await client.WaitForInstanceCompletionAsync(HealthFunctions.InstanceId).WaitAsync(TimeSpan.FromMinutes(1));
        var started = await PostCheckAsync();
        Assert.False(started.GetProperty("alreadyRunning").GetBoolean());
        var done = await client.WaitForInstanceCompletionAsync(HealthFunctions.InstanceId).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Contains("hello-service in dev is unhealthy", Assert.Single(_slack.Messages).Text);
    }

    private async Task<JsonElement> PostCheckAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{_hostPort}/api/health/check");
        request.Headers.Add("x-functions-key", _app!.Services.GetRequiredService<FunctionKeys>().FunctionKey);
        using var response = await _http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_critical_service_down_past_the_grace_period_is_rolled_back_and_the_previous_version_serves()
    {
        await StartHostAsync(grace: TimeSpan.Zero);
        await DeployAsync("v1");
        await DeployAsync("v2");

        SetUnhealthy(true);
        await CheckAsync();
        var reports = await CheckAsync();

        Assert.Contains(reports, r => r.Contains("automatic rollback", StringComparison.Ordinal));
        Assert.Equal("v1", await ServedVersionAsync());
        Assert.Equal("v1", Assert.Single(Assert.Single(_target.GetState().Environments).Services).Live!.Version);

        await CheckAsync();
        await CheckAsync();
        Assert.Single(_pagerDuty.Triggers);
        Assert.Single(_pagerDuty.Resolves);
        Assert.Equal(3, _slack.Messages.Count);
    }

    private async Task StartHostAsync(TimeSpan grace)
    {
        string[] args =
        [
            "--port", _hostPort.ToString(), "--PIPELINES_DATA_DIR", _temp.Combine("host"), "--DURABLE_WORKER_ID", "health-tests",
            "--SLACK_WEBHOOK_URL", _slack.WebhookUrl.ToString(),
            "--PAGERDUTY_API_URL", _pagerDuty.BaseUrl.ToString(),
            "--PAGERDUTY_ROUTING_KEY", FakePagerDuty.ValidRoutingKey,
            "--HEALTH_ROLLBACK_GRACE", grace.ToString(),
            .. TestHostDefaults.Settings.SelectMany(s => new[] { "--" + s.Key, s.Value }),
        ];
        var builder = FunctionsApplication.CreateBuilder(args, [typeof(HealthMonitorOrchestrator), typeof(HealthActivities), typeof(HealthFunctions)]);
        builder.Services.AddSingleton(_target);
        builder.Services.AddSingleton<IArtifactStore>(_artifacts);
        builder.Services.AddSingleton(HealthSettings.From(builder.Configuration));
        builder.Services.AddHttpClient(HealthActivities.ProbeClientName);
        builder.Services.AddNotifications();
        _app = builder.Build();
        _app.MapFunctions();
        await _app.StartAsync();
    }

    private async Task<IReadOnlyList<string>> CheckAsync()
    {
        var client = _app!.Services.GetRequiredService<DurableTaskClient>();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(HealthMonitorOrchestrator));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, done.SerializedOutput ?? done.FailureDetails?.ErrorMessage);
        return JsonSerializer.Deserialize<string[]>(done.SerializedOutput!)!;
    }

    private async Task DeployAsync(string version)
    {
        var release = await HelloServiceBuild.BuildAsync(_temp.Combine("build-" + version), version);
        var result = await _target.DeployAsync(new DeploymentRequest
        {
            Environment = "dev",
            Service = Service,
            Version = version,
            ReleaseDirectory = release,
            RunCommand = HelloServiceBuild.RunCommand,
            HealthPath = HelloServiceBuild.HealthPath,
            HealthTimeout = TimeSpan.FromSeconds(20),
        });
        Assert.True(result.Succeeded, result.Message);
    }

    private void SetUnhealthy(bool unhealthy)
    {
        var live = Assert.Single(Assert.Single(_target.GetState().Environments).Services).Live!.Version;
        var releases = Directory.EnumerateDirectories(_temp.Combine("target", "releases", "dev", Service), live + "-*");
        foreach (var file in releases.SelectMany(r => Directory.EnumerateFiles(r, "server.js", SearchOption.AllDirectories)))
        {
            var marker = Path.Combine(Path.GetDirectoryName(file)!, "UNHEALTHY");
            if (unhealthy) File.WriteAllText(marker, "down\n");
            else File.Delete(marker);
        }
    }

    private async Task<string> ServedVersionAsync()
    {
        var body = await _http.GetFromJsonAsync<JsonElement>(new Uri($"http://127.0.0.1:{_devPort}/"));
        return body.GetProperty("version").GetString()!;
    }
}
