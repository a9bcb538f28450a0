using System.Net;
using Serverless.Functions.Tests.Support;
using Serverless.Functions.Tests.Webhooks;
using Serverless.Testing.Local;

namespace Serverless.Functions.Tests.Pipelines;

/// <summary>A push whose pipeline.yml has mistakes fails at once, and says where, in the run API and on the commit.</summary>
public sealed class InvalidPipelineTests : IAsyncLifetime
{
    private const string Pipeline = """
        name: hello-service
        services:
          - name: hello-service
            path: .
            build: node build.js
            run: node out/server.js
        chekcs:
          unit: node test.js
        environments:
          dev: { branch: dev, strategy: rollin }
        """;

    private TempGitRepository _repository = null!;
    private FunctionsApp _app = null!;
    private string _sha = null!;

    public async Task InitializeAsync()
    {
        (_repository, _sha) = await HelloServiceRepository.CreateAsync("dev", new Dictionary<string, string> { ["pipeline.yml"] = Pipeline });
        _app = await FunctionsApp.StartAsync(new Dictionary<string, string>
        {
            ["PIPELINES_REPOSITORIES"] = $"{WebhookCorpus.Repository}={_repository.CloneUrl}",
        });
    }

    [Fact]
    public async Task The_run_fails_before_any_step_with_every_error_by_line_and_field()
    {
        var started = await _app.SendAsync(WebhookDeliveries.Signed("push", CorpusDeliveries.Push("dev", _sha)));
        Assert.Equal(HttpStatusCode.Accepted, started.Status);

        var run = await _app.WaitForRunAsync(started.Text("runId")!);

        Assert.Equal("Failed", run.GetProperty("run").GetProperty("status").GetString());
        var reason = run.GetProperty("reason").GetString()!;
        Assert.Contains("pipeline.yml:7:1: chekcs: unknown key; did you mean 'checks'?", reason);
        Assert.Contains("pipeline.yml:10:", reason);
        Assert.Contains("environments.dev.strategy", reason);
        Assert.Contains("rollin", reason);
        var stage = Assert.Single(run.GetProperty("stages").EnumerateArray());
        Assert.Equal(("checkout", "Failed"), (stage.GetProperty("name").GetString(), stage.GetProperty("state").GetString()));

        var status = Assert.Single(_app.GitHub.CommitStatuses, s => s.Sha == _sha && s.Context == "pipelines/pipeline");
        Assert.Equal("failure", status.State);
        Assert.Equal(reason.Split('\n')[0], status.Description);
        Assert.Empty(_app.GitHub.Deployments);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _repository.Dispose();
    }
}
