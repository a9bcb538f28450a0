using System.Text.Json;
using Serverless.Core.Integrations.GitHub;

namespace Serverless.Core.Tests.Integrations.GitHub.Api;

public sealed class GitHubApiClientTests : GitHubApiHarness
{
    [Fact]
    public async Task A_commit_status_round_trips_with_the_headers_github_requires()
    {
        var id = await Client().CreateCommitStatusAsync(Owner, Repo, Sha, CommitState.Pending, "pipelines/build", "Building", "https://ci.example.com/runs/1");

        var request = Assert.Single(Fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/repos/{Owner}/{Repo}/statuses/{Sha}", request.Path);
        Assert.Equal("application/vnd.github+json", request.Headers["Accept"]);
        Assert.Equal("2022-11-28", request.Headers["X-GitHub-Api-Version"]);
        Assert.Equal($"Bearer {Fake.ExpectedToken}", request.Headers["Authorization"]);
        Assert.Equal(GitHubApiOptions.DefaultUserAgent, request.Headers["User-Agent"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        Assert.Equal(201, request.StatusCode);

        var status = Assert.Single(Fake.CommitStatuses);
        Assert.Equal(status.Id, id);
        Assert.Equal((Owner, Repo, Sha, "pending", "pipelines/build", "Building", "https://ci.example.com/runs/1"),
            (status.Owner, status.Repo, status.Sha, status.State, status.Context, status.Description, status.TargetUrl));
    }

    [Theory]
    [InlineData(CommitState.Error, "error")]
    [InlineData(CommitState.Failure, "failure")]
    [InlineData(CommitState.Pending, "pending")]
    [InlineData(CommitState.Success, "success")]
    public async Task Every_commit_state_is_sent_as_github_spells_it(CommitState state, string wire)
    {
        await Client().CreateCommitStatusAsync(Owner, Repo, Sha, state, "ci", null, null);

        Assert.Equal(wire, Assert.Single(Fake.CommitStatuses).State);
    }

    [Fact]
    public async Task Absent_description_and_target_url_are_left_out_of_the_body()
    {
        await Client().CreateCommitStatusAsync(Owner, Repo, Sha, CommitState.Success, "ci", null, null);

        using var body = JsonDocument.Parse(Assert.Single(Fake.Requests).Body);
        Assert.Equal(["state", "context"], body.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_long_description_is_cut_to_githubs_limit_instead_of_failing_the_call()
    {
        var description = "Deployment failed: " + new string('x', 500);

        await Client().CreateCommitStatusAsync(Owner, Repo, Sha, CommitState.Failure, "ci", description, null);

        var stored = Assert.Single(Fake.CommitStatuses).Description!;
        Assert.Equal(GitHubLimits.StatusDescriptionLength, stored.Length);
        Assert.StartsWith("Deployment failed: xxx", stored);
        Assert.EndsWith("…", stored);
    }

    [Fact]
    public async Task A_deployment_skips_auto_merge_and_the_status_check_gate()
    {
        var client = Client();
        await client.CreateCommitStatusAsync(Owner, Repo, Sha, CommitState.Failure, "external/lint", null, null);

        var id = await client.CreateDeploymentAsync(Owner, Repo, Sha, "staging", "Deploy 6113728 to staging",
            new { runId = "run-42", services = new[] { "api", "web" } }, transientEnvironment: false, productionEnvironment: false);

        var deployment = Assert.Single(Fake.Deployments);
        Assert.Equal(deployment.Id, id);
        Assert.Equal((Sha, Sha, "deploy", "staging", "Deploy 6113728 to staging", false, false, false),
            (deployment.Ref, deployment.Sha, deployment.Task, deployment.Environment, deployment.Description, deployment.AutoMerge,
             deployment.TransientEnvironment, deployment.ProductionEnvironment));
        Assert.Empty(deployment.RequiredContexts!);
        Assert.Equal("run-42", deployment.Payload!.Value.GetProperty("runId").GetString());
        Assert.Equal($"/repos/{Owner}/{Repo}/deployments", Fake.Requests[^1].Path);
    }

    [Fact]
    public async Task A_production_deployment_says_so()
    {
        await Client().CreateDeploymentAsync(Owner, Repo, "main", "production", null, null, transientEnvironment: false, productionEnvironment: true);

        var deployment = Assert.Single(Fake.Deployments);
        Assert.True(deployment.ProductionEnvironment);
        Assert.Null(deployment.Payload);
        Assert.Null(deployment.Description);
    }

    [Fact]
    public async Task Deployment_statuses_follow_a_deployment()
    {
        var client = Client();
        var deploymentId = await client.CreateDeploymentAsync(Owner, Repo, Sha, "pr-7", null, null, transientEnvironment: true, productionEnvironment: false);

        var first = await client.CreateDeploymentStatusAsync(Owner, Repo, deploymentId, DeploymentState.InProgress, null, "https://ci.example.com/runs/7", "Rolling out");
        var second = await client.CreateDeploymentStatusAsync(Owner, Repo, deploymentId, DeploymentState.Success, "https://pr-7.example.com", "https://ci.example.com/runs/7", new string('d', 300));

        Assert.Equal([first, second], Fake.DeploymentStatuses.Select(s => s.Id));
        var (inProgress, success) = (Fake.DeploymentStatuses[0], Fake.DeploymentStatuses[1]);
        Assert.Equal(("in_progress", deploymentId, "pr-7", "https://ci.example.com/runs/7", "https://ci.example.com/runs/7", "Rolling out"),
            (inProgress.State, inProgress.DeploymentId, inProgress.Environment, inProgress.LogUrl, inProgress.TargetUrl, inProgress.Description));
        Assert.Equal("success", success.State);
        Assert.Equal("https://pr-7.example.com", success.EnvironmentUrl);
        Assert.Equal(GitHubLimits.StatusDescriptionLength, success.Description!.Length);
        Assert.Equal($"/repos/{Owner}/{Repo}/deployments/{deploymentId}/statuses", Fake.Requests[^1].Path);
    }

    [Theory]
    [InlineData(DeploymentState.Error, "error")]
    [InlineData(DeploymentState.Failure, "failure")]
    [InlineData(DeploymentState.Inactive, "inactive")]
    [InlineData(DeploymentState.InProgress, "in_progress")]
    [InlineData(DeploymentState.Queued, "queued")]
    [InlineData(DeploymentState.Pending, "pending")]
    [InlineData(DeploymentState.Success, "success")]
    public async Task Every_deployment_state_is_sent_as_github_spells_it(DeploymentState state, string wire)
    {
        var client = Client();
        var deploymentId = await client.CreateDeploymentAsync(Owner, Repo, Sha, "dev", null, null, false, false);

        await client.CreateDeploymentStatusAsync(Owner, Repo, deploymentId, state, null, null, null);

        Assert.Equal(wire, Assert.Single(Fake.DeploymentStatuses).State);
    }

    [Fact]
    public async Task Owner_and_repo_are_escaped_into_the_path()
    {
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client().CreateCommitStatusAsync("octo-org/../evil", Repo, Sha, CommitState.Success, "ci", null, null));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.StartsWith("/repos/octo-org%2F..%2Fevil/octo-repo/statuses/", Assert.Single(Fake.Requests).Path);
        Assert.Empty(Fake.CommitStatuses);
    }
}
