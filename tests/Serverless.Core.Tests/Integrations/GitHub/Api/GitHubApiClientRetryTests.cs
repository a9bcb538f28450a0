using System.Net;
using Serverless.Core.Integrations.GitHub;

namespace Serverless.Core.Tests.Integrations.GitHub.Api;

public sealed class GitHubApiClientRetryTests : GitHubApiHarness
{
    [Fact]
    public async Task Server_errors_are_retried_until_github_answers()
    {
        Fake.FailNext(2, HttpStatusCode.InternalServerError);

        var id = await Client().CreateCommitStatusAsync(Owner, Repo, Sha, CommitState.Success, "ci", "ok", null);

        Assert.Equal([500, 500, 201], Fake.Requests.Select(r => r.StatusCode));
        Assert.Equal(id, Assert.Single(Fake.CommitStatuses).Id);
        Assert.Equal(2, Clock.Delays.Count);
        Assert.All(Fake.Requests, r => Assert.Equal(Fake.Requests[0].Body, r.Body));
    }

    [Fact]
    public async Task A_429_waits_exactly_as_long_as_retry_after_says()
    {
        Fake.FailNext(1, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(7));

        await Client().CreateDeploymentAsync(Owner, Repo, Sha, "dev", null, null, false, false);

        Assert.Equal([TimeSpan.FromSeconds(7)], Clock.Delays);
        Assert.Single(Fake.Deployments);
        Assert.Contains("retry 1", Logger.AllText);
    }

    [Fact]
    public async Task An_exhausted_primary_rate_limit_waits_until_its_reset_time()
    {
        Fake.RateLimitNext(1, reset: Clock.GetUtcNow().AddSeconds(30));

        await Client().CreateCommitStatusAsync(Owner, Repo, Sha, CommitState.Pending, "ci", null, null);

        Assert.Equal([403, 201], Fake.Requests.Select(r => r.StatusCode));
        Assert.Equal([TimeSpan.FromSeconds(30)], Clock.Delays);
    }

    [Fact]
    public async Task A_rate_limit_longer_than_the_caller_will_wait_fails_at_once()
    {
        Fake.FailNext(1, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromMinutes(10));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client().CreateCommitStatusAsync(Owner, Repo, Sha, CommitState.Pending, "ci", null, null));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(Fake.Requests);
        Assert.Empty(Clock.Delays);
    }

    [Fact]
    public async Task Persistent_server_errors_end_in_a_typed_exception_after_the_configured_attempts()
    {
        Fake.FailNext(10, HttpStatusCode.BadGateway);

        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client(Options with { MaxRetryAttempts = 2 }).CreateCommitStatusAsync(Owner, Repo, Sha, CommitState.Pending, "ci", null, null));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal("Server Error", error.ApiMessage);
        Assert.Equal(3, Fake.Requests.Count);
    }

    [Fact]
    public async Task Backoff_without_retry_after_grows_from_the_base_delay()
    {
        Fake.FailNext(3, HttpStatusCode.ServiceUnavailable);

        await Client(Options with { RetryBaseDelay = TimeSpan.FromSeconds(2) }).CreateCommitStatusAsync(Owner, Repo, Sha, CommitState.Pending, "ci", null, null);

        Assert.Equal(3, Clock.Delays.Count);
        Assert.All(Clock.Delays, d => Assert.InRange(d, TimeSpan.Zero, GitHubApiOptions.DefaultMaxRetryDelay));
        Assert.True(Clock.Delays.Sum(d => d.TotalSeconds) > 2, "exponential backoff from a two-second base");
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.UnprocessableEntity)]
    public async Task Client_errors_are_not_retried(HttpStatusCode status)
    {
        var options = status == HttpStatusCode.Unauthorized ? Options with { Token = "ghp_wrong" } : Options;
        var sha = status == HttpStatusCode.UnprocessableEntity ? "not-a-sha" : Sha;
        var owner = status == HttpStatusCode.NotFound ? "-bad-owner-" : Owner;

        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client(options).CreateCommitStatusAsync(owner, Repo, sha, CommitState.Pending, "ci", null, null));

        Assert.Equal(status, error.StatusCode);
        Assert.Single(Fake.Requests);
        Assert.Empty(Clock.Delays);
    }

    [Fact]
    public async Task Retries_can_be_turned_off()
    {
        Fake.FailNext(1);

        await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client(Options with { MaxRetryAttempts = 0 }).CreateCommitStatusAsync(Owner, Repo, Sha, CommitState.Pending, "ci", null, null));

        Assert.Single(Fake.Requests);
    }
}
