using System.Net;
using Serverless.Core.Integrations.GitHub;

namespace Serverless.Core.Tests.Integrations.GitHub.Api;

public sealed class GitHubApiClientErrorTests : GitHubApiHarness
{
    [Fact]
    public async Task A_wrong_token_is_a_401_with_githubs_message_and_the_token_nowhere()
    {
        const string token = "ghp_SuperSecretWrongToken0000000000000000";

        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client(Options with { Token = token }).CreateCommitStatusAsync(Owner, Repo, Sha, CommitState.Success, "ci", null, null));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Bad credentials", error.ApiMessage);
        Assert.Equal("https://docs.github.com/rest", error.DocumentationUrl);
        Assert.Contains("401 Bad credentials", error.Message);
        Assert.DoesNotContain(token, error.ToString());
        Assert.DoesNotContain(token, Logger.AllText);
        Assert.Contains("Bad credentials", Logger.AllText);
    }

    [Fact]
    public async Task The_token_stays_out_of_logs_through_retries_and_failures()
    {
        Fake.FailNext(5, HttpStatusCode.InternalServerError);

        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client().CreateCommitStatusAsync(Owner, Repo, Sha, CommitState.Success, "ci", null, null));

        Assert.NotEmpty(Logger.Lines);
        Assert.DoesNotContain(Fake.ExpectedToken, Logger.AllText);
        Assert.DoesNotContain(Fake.ExpectedToken, error.ToString());
    }

    [Fact]
    public async Task A_validation_failure_carries_githubs_errors()
    {
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client().CreateDeploymentAsync(Owner, Repo, Sha, "dev", null, new[] { 1, 2 }, false, false));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Equal("Validation Failed", error.ApiMessage);
        var detail = Assert.Single(error.Errors);
        Assert.Equal(("Deployment", "payload", "invalid"), (detail.Resource, detail.Field, detail.Code));
        Assert.Contains("payload", error.Message);
        Assert.Empty(Fake.Deployments);
    }

    [Fact]
    public async Task An_unknown_commit_is_a_422_naming_the_sha()
    {
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client().CreateCommitStatusAsync(Owner, Repo, "main", CommitState.Success, "ci", null, null));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Equal("No commit found for SHA: main", error.ApiMessage);
    }

    [Fact]
    public async Task A_status_for_an_unknown_deployment_is_a_404()
    {
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client().CreateDeploymentStatusAsync(Owner, Repo, 999, DeploymentState.Success, null, null, null));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("Not Found", error.ApiMessage);
    }

    [Fact]
    public async Task Without_a_token_nothing_is_sent()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Client(Options with { Token = null }).CreateCommitStatusAsync(Owner, Repo, Sha, CommitState.Success, "ci", null, null));

        Assert.Contains(GitHubApiOptions.TokenSetting, error.Message);
        Assert.Empty(Fake.Requests);
    }

    [Fact]
    public async Task A_non_json_error_body_becomes_the_message()
    {
        using var http = new HttpClient(new StubHandler(HttpStatusCode.Forbidden, "Request forbidden by administrative rules."));
        var client = new GitHubApiClient(http, Options, Logger, Clock);

        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            client.CreateCommitStatusAsync(Owner, Repo, Sha, CommitState.Success, "ci", null, null));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("Request forbidden by administrative rules.", error.ApiMessage);
    }

    [Fact]
    public async Task A_message_that_echoes_the_token_is_scrubbed()
    {
        using var http = new HttpClient(new StubHandler(HttpStatusCode.BadRequest, $$"""{"message":"token {{Fake.ExpectedToken}} is malformed"}"""));
        var client = new GitHubApiClient(http, Options, Logger, Clock);

        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            client.CreateCommitStatusAsync(Owner, Repo, Sha, CommitState.Success, "ci", null, null));

        Assert.Equal("token *** is malformed", error.ApiMessage);
        Assert.DoesNotContain(Fake.ExpectedToken, Logger.AllText);
    }

    [Theory]
    [InlineData("", "octo-repo", Sha)]
    [InlineData("octo-org", " ", Sha)]
    [InlineData("octo-org", "octo-repo", "")]
    public async Task Blank_arguments_are_refused_before_any_request(string owner, string repo, string sha)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Client().CreateCommitStatusAsync(owner, repo, sha, CommitState.Success, "ci", null, null));

        Assert.Empty(Fake.Requests);
    }

    private sealed class StubHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body), RequestMessage = request });
    }
}
