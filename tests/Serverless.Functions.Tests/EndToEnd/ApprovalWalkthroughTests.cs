using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Testing.GitHub;
using Serverless.Testing.Local;
using Xunit.Abstractions;

namespace Serverless.Functions.Tests.EndToEnd;

/// <summary>
/// Staging behind an approval gate (2 of team release) with blue-green, on the real host: pushes wait for approvals
/// given over HTTP, then switch slots while a client on the public port keeps getting 200s.
/// </summary>
public sealed class ApprovalWalkthroughTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Repository = "acme/hello-service";
    private const string Secret = "approvals-webhook-secret";
    private const string FunctionKey = "approvals-function-key";
    private const string Pipeline = """
        name: hello-service
        services:
          - name: hello-service
            path: .
            build: node build.js
            run: node out/server.js
            health: /health
        environments:
          staging:
            branch: staging
            strategy: blue-green
            approvals: { required: 2, timeout: 1h, approvers: [team:release] }
            smokeTests: [node smoke.js]
            tests: [node performance.js]
        """;
    private const string Smoke = """
        if (require('node:fs').existsSync('SMOKE_FAIL') && require('node:fs').readFileSync('SMOKE_FAIL', 'utf8').trim() === 'on') process.exit(1);
        fetch(new URL('health', process.env.TARGET_URL)).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1));
        """;

    private const string Performance = """
        if (require('node:fs').existsSync('PERFORMANCE_FAIL')) process.exit(1);
        """;

    private readonly TempDirectory _data = new("functions-approvals-e2e");
    private TempGitRepository _repository = null!;
    private FakeGitHubApi _gitHub = null!;
    private FunctionsHostProcess _host = null!;
    private HttpClient _http = null!;
    private int _stagingPort;

    public async Task InitializeAsync()
    {
        _repository = await TempGitRepository.CreateAsync("staging");
        _gitHub = await FakeGitHubApi.StartAsync();
        _stagingPort = FreePort.Next();
        _host = await FunctionsHostProcess.StartAsync(FreePort.Next(), new Dictionary<string, string>
        {
            ["PIPELINES_DATA_DIR"] = _data.Path,
            ["GITHUB_WEBHOOK_SECRET"] = Secret,
            ["PIPELINES_REPOSITORIES"] = $"{Repository}={_repository.CloneUrl}",
            ["PIPELINES_FUNCTION_KEY"] = FunctionKey,
            ["PIPELINES_TEAMS"] = "release=alice,bob,octocat;ops=carol",
            ["GITHUB_API_URL"] = _gitHub.BaseUrl.ToString(),
            ["GITHUB_TOKEN"] = _gitHub.ExpectedToken,
            ["LocalTarget__Ports__dev"] = FreePort.Next().ToString(),
            ["LocalTarget__Ports__staging"] = _stagingPort.ToString(),
            ["LocalTarget__Ports__production"] = FreePort.Next().ToString(),
        });
        _http = new HttpClient { BaseAddress = _host.BaseUrl };
        _http.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
    }

    [Fact]
    public async Task Staging_waits_for_two_approvers_then_switches_blue_green_without_a_failed_request()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.HelloService, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}out{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(RepositoryPaths.HelloService, f), File.ReadAllText);
        files["pipeline.yml"] = Pipeline;
        files["smoke.js"] = Smoke;
        files["performance.js"] = Performance;
        var first = await _repository.CommitAsync("First version", files);
        var firstRun = await PushAsync("0000000000000000000000000000000000000000", first);
        await ApproveByTwoAsync(firstRun);
        Assert.Equal("Succeeded", (await WaitForRunAsync(firstRun)).GetProperty("run").GetProperty("status").GetString());
        Assert.Equal(first, await StagingVersionAsync());

        using var polling = new CancellationTokenSource();
        var statuses = new ConcurrentQueue<string>();
        var poller = PollAsync(statuses, polling.Token);
        var second = await _repository.CommitAsync("Second version", new Dictionary<string, string> { ["NOTES.md"] = "second\n" });
        var secondRun = await PushAsync(first, second);

        await Eventually.TrueAsync(async () => (await _http.GetStringAsync("api/approvals")).Contains(secondRun, StringComparison.Ordinal), "the gate is listed", TimeSpan.FromMinutes(2));
        Assert.Contains("Awaiting approval 0/2", await _http.GetStringAsync("api/approvals"));
        await ExpectAsync(await DecideAsync(secondRun, "octocat", "approve"), HttpStatusCode.Forbidden);
        await ExpectAsync(await DecideAsync(secondRun, "carol", "approve"), HttpStatusCode.Forbidden);
        await ExpectAsync(await DecideAsync(secondRun, "alice", "approve", "ship it"), HttpStatusCode.Accepted);
        JsonElement waiting = default;
        await Eventually.TrueAsync(async () =>
        {
            waiting = await _http.GetFromJsonAsync<JsonElement>($"api/runs/{secondRun}");
            return waiting.GetProperty("approvals").GetArrayLength() == 1;
        }, "the run shows alice's approval while it waits");
        Assert.Equal(("alice", "ship it"), (waiting.GetProperty("approvals")[0].GetProperty("approver").GetString(), waiting.GetProperty("approvals")[0].GetProperty("comment").GetString()));
        Assert.Equal("Awaiting approval 1/2 (alice)", waiting.GetProperty("pendingApproval").GetProperty("status").GetString());
        Assert.Equal("staging", waiting.GetProperty("run").GetProperty("environment").GetString());
        Assert.Contains(secondRun, await _http.GetStringAsync("api/runs?environment=staging&status=Running"), StringComparison.Ordinal);
        await ExpectAsync(await DecideAsync(secondRun, "bob", "approve"), HttpStatusCode.Accepted);
        var done = await WaitForRunAsync(secondRun);
        await Eventually.TrueAsync(() => Task.FromResult(statuses.Contains($"200 {second}")), "the poller sees the new version");
        await polling.CancelAsync();
        await poller;

        Assert.Equal("Succeeded", done.GetProperty("run").GetProperty("status").GetString());
        Assert.Contains(done.GetProperty("stages").EnumerateArray(), s => s.GetProperty("name").GetString() == "approval-staging");
        Assert.Contains(done.GetProperty("stages").EnumerateArray(), s => s.GetProperty("name").GetString() == "candidate-hello-service");
        Assert.All(statuses, s => Assert.StartsWith("200 ", s, StringComparison.Ordinal));
        Assert.Contains($"200 {first}", statuses);
        Assert.Contains(_gitHub.DeploymentStatuses, s => s.State == "queued");
        await ExpectAsync(await DecideAsync(secondRun, "alice", "reject"), HttpStatusCode.Conflict, HttpStatusCode.Gone);
        output.WriteLine($"{statuses.Count} requests to staging during the switch, all 200");

        var third = await _repository.CommitAsync("Third version", new Dictionary<string, string> { ["NOTES.md"] = "third\n" });
        var thirdRun = await PushAsync(second, third);
        await Eventually.TrueAsync(async () => (await DecideAsync(thirdRun, "alice", "reject", "not before the demo")).StatusCode == HttpStatusCode.Accepted, "alice's rejection is taken", TimeSpan.FromMinutes(1));
        var rejected = await WaitForRunAsync(thirdRun);
        Assert.Equal(("Failed", "Rejected by alice: not before the demo"), (rejected.GetProperty("run").GetProperty("status").GetString(), rejected.GetProperty("reason").GetString()));
        Assert.Equal("alice", rejected.GetProperty("approvals")[0].GetProperty("approver").GetString());
        Assert.Equal(second, await StagingVersionAsync());

        var failing = await _repository.CommitAsync("Fails its smoke test", new Dictionary<string, string> { ["SMOKE_FAIL"] = "on\n" });
        var failingRun = await PushAsync(third, failing);
        await ApproveByTwoAsync(failingRun);
        var stopped = await WaitForRunAsync(failingRun);
        Assert.Equal("Failed", stopped.GetProperty("run").GetProperty("status").GetString());
        Assert.StartsWith("Smoke test", stopped.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(stopped.GetProperty("stages").EnumerateArray(), s => s.GetProperty("name").GetString() == "deploy-hello-service");
        Assert.Contains(stopped.GetProperty("stages").EnumerateArray(), s => s.GetProperty("name").GetString() == "rollback" && s.GetProperty("state").GetString() == "Succeeded");
        Assert.Equal(second, await StagingVersionAsync());

        // A performance step runs after traffic has switched: its failure switches staging straight back.
        var slow = await _repository.CommitAsync("Too slow for staging", new Dictionary<string, string> { ["SMOKE_FAIL"] = "off\n", ["PERFORMANCE_FAIL"] = "on\n" });
        var slowRun = await PushAsync(failing, slow);
        await ApproveByTwoAsync(slowRun);
        var switchedBack = await WaitForRunAsync(slowRun);
        Assert.Equal("Failed", switchedBack.GetProperty("run").GetProperty("status").GetString());
        Assert.Contains("performance.js", switchedBack.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains(switchedBack.GetProperty("stages").EnumerateArray(), s => s.GetProperty("name").GetString() == "deploy-hello-service" && s.GetProperty("state").GetString() == "Succeeded");
        Assert.Contains(switchedBack.GetProperty("stages").EnumerateArray(), s => s.GetProperty("name").GetString() == "rollback" && s.GetProperty("state").GetString() == "Succeeded");
        Assert.Equal(second, await StagingVersionAsync());
    }

    private async Task ApproveByTwoAsync(string runId)
    {
        await Eventually.TrueAsync(async () => (await DecideAsync(runId, "alice", "approve")).StatusCode == HttpStatusCode.Accepted, "alice's approval is taken", TimeSpan.FromMinutes(1));
        await ExpectAsync(await DecideAsync(runId, "bob", "approve"), HttpStatusCode.Accepted);
    }

    private async Task<HttpResponseMessage> DecideAsync(string runId, string approver, string decision, string? comment = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/approvals/{runId}/staging") { Content = JsonContent.Create(new { decision, comment }) };
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", approver);
        return await _http.SendAsync(request);
    }

    private async Task ExpectAsync(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        using (response)
        {
            Assert.True(expected.Contains(response.StatusCode), $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task PollAsync(ConcurrentQueue<string> statuses, CancellationToken cancellationToken)
    {
        using var client = new HttpClient();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var response = await client.GetAsync($"http://127.0.0.1:{_stagingPort}/", cancellationToken);
                var version = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("version").GetString() : null;
                statuses.Enqueue($"{(int)response.StatusCode} {version}");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException error)
            {
                statuses.Enqueue($"error {error.Message}");
            }
        }
    }

    private Task<string> PushAsync(string before, string after) => RunApi.PushAsync(_http, Secret, Repository, "staging", before, after, "change");

    private async Task<JsonElement> WaitForRunAsync(string runId)
    {
        var run = await RunApi.WaitForRunAsync(_http, runId);
        output.WriteLine(run.ToString());
        return run;
    }

    private Task<string?> StagingVersionAsync() => RunApi.VersionOnPortAsync(_stagingPort);

    public async Task DisposeAsync()
    {
        output.WriteLine(_host?.Output ?? "");
        _http?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        await _gitHub.DisposeAsync();
        _repository.Dispose();
        _data.Dispose();
    }
}
