using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Testing.GitHub;
using Serverless.Testing.Local;
using Serverless.Testing.Slack;
using Xunit.Abstractions;

namespace Serverless.Functions.Tests.EndToEnd;

/// <summary>
/// The README walkthrough, for real: the function app as a child process, a git repository holding the sample
/// service, signed push webhooks, the dev port on the local target, and fakes for GitHub and Slack.
/// </summary>
public sealed class PipelineWalkthroughTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Repository = "acme/hello-service";
    private const string Secret = "walkthrough-webhook-secret";
    private const string FunctionKey = "walkthrough-function-key";

    private readonly TempDirectory _data = new("functions-e2e");
    private TempGitRepository _repository = null!;
    private FakeGitHubApi _gitHub = null!;
    private FakeSlackWebhook _slack = null!;
    private FunctionsHostProcess _host = null!;
    private HttpClient _http = null!;
    private int _devPort;

    public async Task InitializeAsync()
    {
        _repository = await TempGitRepository.CreateAsync("dev");
        _gitHub = await FakeGitHubApi.StartAsync();
        _slack = await FakeSlackWebhook.StartAsync();
        _devPort = FreePort.Next();
        _host = await FunctionsHostProcess.StartAsync(FreePort.Next(), new Dictionary<string, string>
        {
            ["PIPELINES_DATA_DIR"] = _data.Path,
            ["GITHUB_WEBHOOK_SECRET"] = Secret,
            ["PIPELINES_REPOSITORIES"] = $"{Repository}={_repository.CloneUrl}",
            ["PIPELINES_FUNCTION_KEY"] = FunctionKey,
            ["GITHUB_API_URL"] = _gitHub.BaseUrl.ToString(),
            ["GITHUB_TOKEN"] = _gitHub.ExpectedToken,
            ["SLACK_WEBHOOK_URL"] = _slack.WebhookUrl.ToString(),
            ["LocalTarget__Ports__dev"] = _devPort.ToString(),
            ["LocalTarget__Ports__staging"] = FreePort.Next().ToString(),
            ["LocalTarget__Ports__production"] = FreePort.Next().ToString(),
        });
        _http = new HttpClient { BaseAddress = _host.BaseUrl };
        _http.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
    }

    [Fact]
    public async Task A_push_to_dev_goes_live_and_an_unhealthy_push_is_rolled_back()
    {
        Assert.Contains($"GitHubWebhook: [POST] http://localhost:{_host.Port}/api/github/webhook", _host.Output);
        Assert.Contains("PipelineOrchestrator: orchestrationTrigger", _host.Output);
        Assert.Contains($"Durable store: {Path.Combine(_data.Path, "ServerlessPipelines.durable.db")}", _host.Output);
        var sampleFiles = SampleFiles();
        var first = await _repository.CommitAsync("First version of hello-service", sampleFiles);

        var pushedAt = Stopwatch.StartNew();
        var goodRun = await PushAsync("0000000000000000000000000000000000000000", first, "First version of hello-service");
        var good = await WaitForRunAsync(goodRun);
        var liveAfter = pushedAt.Elapsed;

        Assert.Equal("Succeeded", good.GetProperty("run").GetProperty("status").GetString());
        Assert.Equal(first, good.GetProperty("deployedVersion").GetString());
        Assert.Equal(first, await DevVersionAsync());
        var firstStepStarted = good.GetProperty("stages").EnumerateArray().First().GetProperty("startedAt").GetDateTimeOffset();
        output.WriteLine($"push → live on dev: {liveAfter.TotalSeconds:F2} s; webhook → first step started: {(firstStepStarted - good.GetProperty("run").GetProperty("createdAt").GetDateTimeOffset()).TotalMilliseconds:F0} ms");

        var broken = await _repository.CommitAsync("Break the health endpoint", new Dictionary<string, string> { ["UNHEALTHY"] = "on purpose\n" });
        var badRun = await PushAsync(first, broken, "Break the health endpoint");
        var bad = await WaitForRunAsync(badRun);

        Assert.Equal("Failed", bad.GetProperty("run").GetProperty("status").GetString());
        Assert.Equal($"hello-service {broken[..7]} is unhealthy on dev: {broken[..7]} did not answer /health with 200 within 20s (last: status 500). Traffic stays on {first[..7]}.",
            bad.GetProperty("reason").GetString());
        Assert.DoesNotContain(bad.GetProperty("stages").EnumerateArray(), s => s.GetProperty("group").GetString() == "rollback");
        Assert.Equal(first, await DevVersionAsync());

        await Eventually.TrueAsync(() => _slack.Messages.Count >= 2, "both Slack messages arrive");
        Assert.Contains(_slack.Messages, m => m.RawBody.Contains("succeeded", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(_slack.Messages, m => m.RawBody.Contains("failed", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(_gitHub.CommitStatuses, s => s.Sha == first && s.State == "success");
        Assert.Contains(_gitHub.CommitStatuses, s => s.Sha == broken && s.State == "failure");
        Assert.Equal(2, _gitHub.Deployments.Count);
        Assert.Contains(_gitHub.DeploymentStatuses, s => s.State == "success");
        Assert.Contains(_gitHub.DeploymentStatuses, s => s.State == "failure");

        using var log = await _http.GetAsync($"api/runs/{goodRun}/logs/checks-unit");
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        var runs = await _http.GetFromJsonAsync<JsonElement>($"api/runs?repo={Repository}&branch=dev");
        Assert.Equal(2, runs.GetProperty("runs").GetArrayLength());
    }

    private Task<string> PushAsync(string before, string after, string message) => RunApi.PushAsync(_http, Secret, Repository, "dev", before, after, message);

    private async Task<JsonElement> WaitForRunAsync(string runId)
    {
        var run = await RunApi.WaitForRunAsync(_http, runId);
        output.WriteLine(run.ToString());
        return run;
    }

    private Task<string?> DevVersionAsync() => RunApi.VersionOnPortAsync(_devPort);

    private static Dictionary<string, string> SampleFiles() => RunApi.SampleFiles();

    public async Task DisposeAsync()
    {
        output.WriteLine(_host?.Output ?? "");
        _http?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        await _slack.DisposeAsync();
        await _gitHub.DisposeAsync();
        _repository.Dispose();
        _data.Dispose();
    }
}
