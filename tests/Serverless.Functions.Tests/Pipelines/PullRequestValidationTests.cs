using System.Net;
using System.Text.Json;
using Serverless.Functions.Tests.Support;
using Serverless.Functions.Tests.Webhooks;
using Serverless.Testing.Local;

namespace Serverless.Functions.Tests.Pipelines;

/// <summary>A pull request on the sample service: everything a push would run up to the builds, then nothing deployed.</summary>
public sealed class PullRequestValidationTests : IAsyncLifetime
{
    private TempGitRepository _repository = null!;
    private FunctionsApp _app = null!;
    private string _sha = null!;

    public async Task InitializeAsync()
    {
        (_repository, _sha) = await HelloServiceRepository.CreateAsync("feature/greeting");
        _app = await FunctionsApp.StartAsync(new Dictionary<string, string>
        {
            ["PIPELINES_REPOSITORIES"] = $"{WebhookCorpus.Repository}={_repository.CloneUrl}",
        });
    }

    [Fact]
    public async Task An_opened_pull_request_is_checked_scanned_and_built_then_validated_without_deploying()
    {
        var started = await _app.SendAsync(WebhookDeliveries.Signed("pull_request", CorpusDeliveries.PullRequest("opened", "feature/greeting", _sha)));
        Assert.Equal(HttpStatusCode.Accepted, started.Status);

        var run = await _app.WaitForRunAsync(started.Text("runId")!);

        Assert.Equal("Validated", run.GetProperty("run").GetProperty("status").GetString());
        Assert.Equal("PullRequest", run.GetProperty("run").GetProperty("trigger").GetString());
        var stages = run.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("state").GetString());
        Assert.Equal("Succeeded", stages["checks-lint"]);
        Assert.Equal("Succeeded", stages["checks-unit"]);
        Assert.Equal("Succeeded", stages["scans-secrets"]);
        Assert.Equal("Succeeded", stages["build-hello-service"]);
        Assert.DoesNotContain(run.GetProperty("stages").EnumerateArray(), s => s.GetProperty("group").GetString() is "deploy" or "approval");
        Assert.Equal(JsonValueKind.Null, run.GetProperty("deployedVersion").ValueKind);
        Assert.Empty(_app.GitHub.Deployments);

        var statuses = _app.GitHub.CommitStatuses.Where(s => s.Sha == _sha).ToList();
        Assert.All(statuses, s => Assert.Equal(("Codertocat", "Hello-World"), (s.Owner, s.Repo)));
        foreach (var context in new[] { "pipelines/checks", "pipelines/scans", "pipelines/build" })
        {
            var states = statuses.Where(s => s.Context == context).OrderBy(s => s.Id).Select(s => s.State).ToList();
            Assert.Equal(["pending", "success"], states);
        }
        Assert.DoesNotContain(statuses, s => s.Context.StartsWith("pipelines/deploy", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _repository.Dispose();
    }
}
