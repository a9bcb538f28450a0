using System.Net;
using System.Text;
using System.Text.Json;
using Serverless.Functions.Tests.Support;
using Serverless.Functions.Tests.Webhooks;
using Serverless.Testing.Local;

namespace Serverless.Functions.Tests.Pipelines;

/// <summary>A push to dev whose unit tests fail: the run stops at the checks, names the check, and deploys nothing.</summary>
public sealed class FailingCheckTests : IAsyncLifetime
{
    private TempGitRepository _repository = null!;
    private FunctionsApp _app = null!;
    private string _sha = null!;

    public async Task InitializeAsync()
    {
        var broken = HelloServiceRepository.ReadSample("lib/hello.js").Replace("`Hello, ${who}!`", "`Goodbye, ${who}!`", StringComparison.Ordinal);
        (_repository, _sha) = await HelloServiceRepository.CreateAsync("dev", new Dictionary<string, string> { ["lib/hello.js"] = broken });
        _app = await FunctionsApp.StartAsync(new Dictionary<string, string>
        {
            ["PIPELINES_REPOSITORIES"] = $"{WebhookCorpus.Repository}={_repository.CloneUrl}",
        });
    }

    [Fact]
    public async Task The_run_fails_naming_the_check_deploys_nothing_and_keeps_the_check_log()
    {
        var started = await _app.SendAsync(WebhookDeliveries.Signed("push", CorpusDeliveries.Push("dev", _sha)));
        Assert.Equal(HttpStatusCode.Accepted, started.Status);
        var runId = started.Text("runId")!;

        var run = await _app.WaitForRunAsync(runId);

        Assert.Equal("Failed", run.GetProperty("run").GetProperty("status").GetString());
        Assert.Contains("'unit' failed with exit code 1", run.GetProperty("reason").GetString());
        var stages = run.GetProperty("stages").EnumerateArray().ToList();
        Assert.Contains(stages, s => s.GetProperty("name").GetString() == "checks-unit" && s.GetProperty("state").GetString() == "Failed");
        Assert.Contains(stages, s => s.GetProperty("name").GetString() == "checks-lint" && s.GetProperty("state").GetString() == "Succeeded");
        Assert.DoesNotContain(stages, s => s.GetProperty("group").GetString() is "build" or "deploy");
        Assert.Equal(JsonValueKind.Null, run.GetProperty("deployedVersion").ValueKind);
        Assert.Empty(_app.GitHub.Deployments);
        Assert.Contains(_app.GitHub.CommitStatuses, s => s.Sha == _sha && s.Context == "pipelines/checks" && s.State == "failure"
            && s.Description == "'unit' failed with exit code 1");
        Assert.All(_app.GitHub.CommitStatuses, s => Assert.Equal($"{_app.BaseUrl}#/runs/{runId}", s.TargetUrl));
        // Clone URLs may carry credentials: they stay in settings, out of the history the monitor shows.
        var instance = await _app.Client.GetInstanceAsync(runId, getInputsAndOutputs: true);
        Assert.DoesNotContain(_repository.CloneUrl, instance!.SerializedInput, StringComparison.Ordinal);

        using var log = await _app.Http.GetAsync($"api/runs/{runId}/logs/checks-unit");
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        Assert.Equal("text/plain", log.Content.Headers.ContentType?.MediaType);
        var text = await log.Content.ReadAsStringAsync();
        Assert.Contains("not ok - greets the world by default", text);

        var length = Encoding.UTF8.GetByteCount(text);
        using var tail = await _app.Http.GetAsync($"api/runs/{runId}/logs/checks-unit?offset={length - 20}");
        Assert.Equal(text[^20..], await tail.Content.ReadAsStringAsync());
        Assert.Equal(length.ToString(), tail.Headers.GetValues("x-log-next-offset").Single());
        GitHubWebhookRefusalTests.AssertProblem(await _app.GetAsync($"api/runs/{runId}/logs/checks-unit?offset=-1"), HttpStatusCode.BadRequest, "offset");
    }

    [Fact]
    public async Task A_run_restarted_under_a_new_id_is_a_run_of_its_own_with_its_own_logs()
    {
        var started = await _app.SendAsync(WebhookDeliveries.Signed("push", CorpusDeliveries.Push("dev", _sha)));
        var runId = started.Text("runId")!;
        await _app.WaitForRunAsync(runId);

        var again = await _app.Client.RestartAsync(runId, restartWithNewInstanceId: true);
        var rerun = await _app.WaitForRunAsync(again);

        Assert.NotEqual(runId, again);
        Assert.Equal(again, rerun.GetProperty("run").GetProperty("id").GetString());
        var log = rerun.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "checks-unit").GetProperty("logName").GetString();
        Assert.Equal($"runs/{again}/logs/checks-unit.log", log);
        Assert.Contains("not ok", await _app.Http.GetStringAsync($"api/runs/{again}/logs/checks-unit"));
        Assert.Contains("not ok", await _app.Http.GetStringAsync($"api/runs/{runId}/logs/checks-unit"));
        // Both are in the run list, newest first, and nothing that is not a run is (gates, queues, timers).
        var listed = (await _app.GetAsync("api/runs")).Body.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal([again, runId], listed);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _repository.Dispose();
    }
}
