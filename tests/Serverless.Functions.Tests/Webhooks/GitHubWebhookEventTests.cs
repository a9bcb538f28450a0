using System.Net;
using Serverless.Functions.Tests.Support;

namespace Serverless.Functions.Tests.Webhooks;

/// <summary>What the webhook does with each event GitHub publishes an example of, signed with the configured secret.</summary>
public sealed class GitHubWebhookEventTests(ConfiguredApp fixture) : IClassFixture<ConfiguredApp>
{
    private readonly FunctionsApp _app = fixture.App;

    [Theory]
    [InlineData("ping/payload.json")]
    [InlineData("ping/with-app_id.payload.json")]
    [InlineData("ping/with-organization.payload.json")]
    public async Task Ping_is_answered_with_pong(string file)
    {
        var answer = await DeliverAsync("ping", WebhookCorpus.Read(file));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("pong", answer.Text("action"));
        Assert.Equal(WebhookCorpus.ReadNode(file)["hook_id"]!.ToString(), answer.Text("hookId"));
    }

    [Fact]
    public async Task Push_to_a_new_branch_of_an_allowlisted_repository_starts_a_run()
    {
        var delivery = WebhookDeliveries.NewDeliveryId();
        var answer = await DeliverAsync("push", WebhookCorpus.Read("push/with-new-branch.payload.json"), delivery);

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal("started", answer.Text("action"));
        var runId = WebhookDeliveries.RunIdFor(delivery);
        Assert.Equal(runId, answer.Text("runId"));
        Assert.Equal("Push", answer.Text("trigger"));
        Assert.Equal("master", answer.Text("branch"));
        Assert.Equal(new Uri(_app.BaseUrl, $"api/runs/{runId}"), answer.Location);
        Assert.Equal(answer.Location?.ToString(), answer.Body.GetProperty("links").GetProperty("run").GetString());

        var run = await _app.GetAsync($"api/runs/{runId}");
        Assert.Equal(HttpStatusCode.OK, run.Status);
        Assert.Equal(WebhookCorpus.Repository, run.Body.GetProperty("run").GetProperty("repository").GetString());
        Assert.Equal("6113728f27ae82c7b1a177c8d03f9e96e0adf246", run.Body.GetProperty("run").GetProperty("commit").GetString());
    }

    [Fact]
    public async Task A_pushed_tag_is_not_built()
    {
        var body = WebhookCorpus.Derive("push/with-new-branch.payload.json", p => p["ref"] = "refs/tags/v1.0.0");

        var (answer, runExists) = await DeliverAndCheckRunAsync("push", body);

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal("none", answer.Text("action"));
        Assert.Contains("tag 'v1.0.0' was pushed", answer.Text("reason"));
        Assert.False(runExists);
    }

    [Theory]
    [InlineData("refs/tags/simple-tag", "tag 'simple-tag' was deleted")]
    [InlineData("refs/heads/feature/old", "branch 'feature/old' was deleted")]
    public async Task A_deleted_tag_or_branch_is_not_built(string deletedRef, string reason)
    {
        var body = WebhookCorpus.Derive("push/payload.json", p => p["ref"] = deletedRef);

        var (answer, runExists) = await DeliverAndCheckRunAsync("push", body);

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Contains(reason, answer.Text("reason"));
        Assert.False(runExists);
    }

    [Fact]
    public async Task The_published_deleted_tag_push_is_not_built()
    {
        var (answer, runExists) = await DeliverAndCheckRunAsync("push", WebhookCorpus.Read("push/payload.json"));

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal("none", answer.Text("action"));
        Assert.False(runExists);
    }

    [Theory]
    [InlineData("opened")]
    [InlineData("synchronize")]
    [InlineData("reopened")]
    public async Task A_pull_request_that_changed_code_starts_a_validation_run(string action)
    {
        var delivery = WebhookDeliveries.NewDeliveryId();
        var answer = await DeliverAsync("pull_request", WebhookCorpus.Read($"pull_request/{action}.payload.json"), delivery);

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal("started", answer.Text("action"));
        Assert.Equal("PullRequest", answer.Text("trigger"));
        Assert.Equal("changes", answer.Text("branch"));
        Assert.Equal("ec26c3e57ca3a959ca5aad62de7213c562f8c821", answer.Text("commit"));
        Assert.True(await _app.ExistsAsync(WebhookDeliveries.RunIdFor(delivery)));
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("labeled")]
    public async Task Other_pull_request_actions_are_ignored(string action)
    {
        var (answer, runExists) = await DeliverAndCheckRunAsync("pull_request", WebhookCorpus.Read($"pull_request/{action}.payload.json"));

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal("ignored", answer.Text("action"));
        Assert.Contains($"'{action}'", answer.Text("reason"));
        Assert.False(runExists);
    }

    [Theory]
    [InlineData("octo-attacker/Hello-World", "the fork 'octo-attacker/Hello-World'")]
    [InlineData(null, "a deleted fork")]
    public async Task A_pull_request_from_a_fork_runs_none_of_its_code(string? headRepository, string from)
    {
        var body = WebhookCorpus.Derive("pull_request/opened.payload.json", p =>
            p["pull_request"]!["head"]!["repo"] = headRepository is null ? null : new System.Text.Json.Nodes.JsonObject { ["full_name"] = headRepository });

        var (answer, runExists) = await DeliverAndCheckRunAsync("pull_request", body);

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal("ignored", answer.Text("action"));
        Assert.Contains($"comes from {from}", answer.Text("reason"));
        Assert.False(runExists);
    }

    [Theory]
    [MemberData(nameof(WebhookCorpus.OtherEvents), MemberType = typeof(WebhookCorpus))]
    public async Task Every_other_event_is_ignored(string eventName, string file)
    {
        var (answer, runExists) = await DeliverAndCheckRunAsync(eventName, WebhookCorpus.Read(file));

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal("ignored", answer.Text("action"));
        Assert.Contains($"'{eventName}'", answer.Text("reason"));
        Assert.False(runExists);
    }

    private async Task<Answer> DeliverAsync(string eventName, byte[] body, string? delivery = null) =>
        await _app.SendAsync(WebhookDeliveries.Signed(eventName, body, delivery));

    private async Task<(Answer Answer, bool RunExists)> DeliverAndCheckRunAsync(string eventName, byte[] body)
    {
        var delivery = WebhookDeliveries.NewDeliveryId();
        var answer = await DeliverAsync(eventName, body, delivery);
        return (answer, await _app.ExistsAsync(WebhookDeliveries.RunIdFor(delivery)));
    }
}
