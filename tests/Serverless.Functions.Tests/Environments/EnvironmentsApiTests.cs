using System.Net;
using System.Text;
using System.Text.Json;
using Serverless.Functions.Tests.EndToEnd;
using Serverless.Functions.Tests.Support;
using Serverless.Functions.Tests.Webhooks;
using Serverless.Testing.Local;
using Serverless.Testing.Slack;

namespace Serverless.Functions.Tests.Environments;

/// <summary>
/// Two pushes of the sample service to dev, then the environments API: who put which version where, and the admin's
/// rollback that puts the first version back on dev's public port.
/// </summary>
public sealed class EnvironmentsApiTests : IAsyncLifetime
{
    private const string MasterKey = "environments-master-key-0123456789";
    private TempGitRepository _repository = null!;
    private FunctionsApp _app = null!;
    private FakeSlackWebhook _slack = null!;
    private readonly int _devPort = FreePort.Next();

    public async Task InitializeAsync()
    {
        (_repository, _) = await HelloServiceRepository.CreateAsync("dev");
        _slack = await FakeSlackWebhook.StartAsync();
        _app = await FunctionsApp.StartAsync(new Dictionary<string, string>
        {
            ["PIPELINES_REPOSITORIES"] = $"{WebhookCorpus.Repository}={_repository.CloneUrl}",
            ["PIPELINES_MASTER_KEY"] = MasterKey,
            ["LocalTarget:Ports:dev"] = _devPort.ToString(),
            ["SLACK_WEBHOOK_URL"] = _slack.WebhookUrl.ToString(),
        });
    }

    [Fact]
    public async Task Environments_show_who_deployed_what_and_an_admin_rolls_back_to_the_previous_version()
    {
        var first = await DeployAsync("first\n");
        var buildLog = await _app.Http.GetStringAsync($"api/runs/{first.RunId}/logs/build-hello-service");
        Assert.True(buildLog.IndexOf("$ node build.js", StringComparison.Ordinal) is >= 0 and var build && buildLog.IndexOf("$ node test.js", StringComparison.Ordinal) > build, buildLog);
        await CheckHealthAsync();
        Assert.Equal("healthy", (await DevAsync()).GetProperty("services")[0].GetProperty("health").GetProperty("status").GetString());
        var second = await DeployAsync("second\n");

        var listed = (await _app.GetAsync("api/environments")).Body.GetProperty("environments").EnumerateArray().Select(e => e.GetProperty("name").GetString());
        Assert.Equal(["dev", "staging", "production"], listed);
        var dev = await DevAsync();
        Assert.Equal("rolling", dev.GetProperty("strategy").GetString());
        Assert.Equal($"http://127.0.0.1:{_devPort}/", dev.GetProperty("url").GetString());
        var service = Assert.Single(dev.GetProperty("services").EnumerateArray());
        Assert.Equal("hello-service", service.GetProperty("service").GetString());
        Assert.Equal((second.Sha, second.RunId, "Codertocat"), Version(service.GetProperty("live")));
        Assert.Equal((first.Sha, first.RunId, "Codertocat"), Version(service.GetProperty("previous")));
        // The last check was of the first version: nothing is known yet about the second.
        Assert.Equal("unknown", service.GetProperty("health").GetProperty("status").GetString());

        var rolledBack = await RollbackAsync(MasterKey, "{\"reason\":\"second breaks checkout\"}");
        Assert.Equal(HttpStatusCode.OK, rolledBack.Status);
        Assert.Equal(("RolledBack", first.Sha, second.Sha), (rolledBack.Text("outcome"), rolledBack.Text("liveVersion"), rolledBack.Text("stoppedVersion")));
        Assert.Equal(first.Sha, await RunApi.VersionOnPortAsync(_devPort));
        var live = (await DevAsync()).GetProperty("services")[0];
        Assert.Equal(first.Sha, live.GetProperty("live").GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Null, live.GetProperty("previous").ValueKind);

        var recorded = await _app.Client.GetInstanceAsync(rolledBack.Text("instanceId")!, getInputsAndOutputs: true);
        Assert.Contains("\"requestedBy\":\"alice\"", recorded!.SerializedInput, StringComparison.Ordinal);
        Assert.Contains("second breaks checkout", recorded.SerializedInput, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"RolledBack\"", recorded.SerializedOutput, StringComparison.Ordinal);
        var announced = Assert.Single(_slack.Messages, m => m.Text?.Contains("rolled back", StringComparison.Ordinal) == true);
        Assert.StartsWith(":rewind: alice rolled back hello-service on dev: ", announced.Text);
        Assert.EndsWith("Reason: second breaks checkout", announced.Text);
        Assert.Contains(first.Sha[..7], announced.Text);

        var again = await RollbackAsync(MasterKey, "");
        GitHubWebhookRefusalTests.AssertProblem(again, HttpStatusCode.Conflict, "service");
        Assert.Contains("no earlier version", again.Text("detail"));
        Assert.Equal(first.Sha, await RunApi.VersionOnPortAsync(_devPort));
        Assert.Single(_slack.Messages, m => m.Text?.Contains("rolled back", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("api/environments/qa/services/hello-service/rollback", "", HttpStatusCode.NotFound, "environment")]
    [InlineData("api/environments/dev/services/billing/rollback", "", HttpStatusCode.NotFound, "service")]
    public async Task A_rollback_of_something_not_deployed_is_not_found_naming_the_field(string path, string body, HttpStatusCode status, string field)
    {
        var answer = await SendAsync(path, MasterKey, body);

        GitHubWebhookRefusalTests.AssertProblem(answer, status, field);
    }

    [Fact]
    public async Task A_rollback_needs_the_master_key_and_a_readable_body()
    {
        await DeployAsync("only\n");

        Assert.Equal(HttpStatusCode.Unauthorized, (await RollbackAsync(FunctionsApp.FunctionKey, "")).Status);
        GitHubWebhookRefusalTests.AssertProblem(await RollbackAsync(MasterKey, "{not json"), HttpStatusCode.BadRequest, "body");
        GitHubWebhookRefusalTests.AssertProblem(await RollbackAsync(MasterKey, "[1]"), HttpStatusCode.BadRequest, "body");
        GitHubWebhookRefusalTests.AssertProblem(await RollbackAsync(MasterKey, "{\"reason\": 5}"), HttpStatusCode.BadRequest, "reason");
        GitHubWebhookRefusalTests.AssertProblem(await RollbackAsync(MasterKey, $"{{\"reason\":\"{new string('x', 501)}\"}}"), HttpStatusCode.BadRequest, "reason");
        Assert.NotNull(await RunApi.VersionOnPortAsync(_devPort));
    }

    private async Task<(string Sha, string RunId)> DeployAsync(string notes)
    {
        var sha = await _repository.CommitAsync(notes.Trim(), new Dictionary<string, string> { ["NOTES.md"] = notes });
        var started = await _app.SendAsync(WebhookDeliveries.Signed("push", CorpusDeliveries.Push("dev", sha)));
        Assert.Equal(HttpStatusCode.Accepted, started.Status);
        var runId = started.Text("runId")!;
        var run = await _app.WaitForRunAsync(runId, TimeSpan.FromMinutes(2));
        Assert.Equal("Succeeded", run.GetProperty("run").GetProperty("status").GetString());
        return (sha, runId);
    }

    private async Task CheckHealthAsync()
    {
        var started = await _app.SendAsync(new HttpRequestMessage(HttpMethod.Post, "api/health/check"));
        Assert.Equal(HttpStatusCode.Accepted, started.Status);
        var done = await _app.Client.WaitForInstanceCompletionAsync(started.Text("id")!).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(Serverless.Runtime.Durable.OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
    }

    private async Task<JsonElement> DevAsync()
    {
        var answer = await _app.GetAsync("api/environments");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Body.GetProperty("environments").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "dev");
    }

    private static (string?, string?, string?) Version(JsonElement version) =>
        (version.GetProperty("version").GetString(), version.GetProperty("runId").GetString(), version.GetProperty("pusher").GetString());

    private Task<Answer> RollbackAsync(string key, string body) => SendAsync("api/environments/dev/services/hello-service/rollback", key, body);

    private Task<Answer> SendAsync(string path, string key, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-functions-key", key);
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", "alice");
        return _app.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _slack.DisposeAsync();
        _repository.Dispose();
    }
}
