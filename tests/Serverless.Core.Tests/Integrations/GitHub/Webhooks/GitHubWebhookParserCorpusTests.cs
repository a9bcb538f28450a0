using Serverless.Core.Integrations.GitHub;

namespace Serverless.Core.Tests.Integrations.GitHub.Webhooks;

public sealed class GitHubWebhookParserCorpusTests
{
    private const string Zeros = "0000000000000000000000000000000000000000";

    public static TheoryData<string, string> AllPayloads()
    {
        var data = new TheoryData<string, string>();
        foreach (var (eventName, file) in WebhookCorpus.Payloads()) data.Add(eventName, file);
        return data;
    }

    [Fact]
    public void The_corpus_is_where_the_tests_expect_it()
    {
        Assert.True(AllPayloads().Count >= 30, $"expected the published payloads under {WebhookCorpus.Directory}");
    }

    [Theory]
    [MemberData(nameof(AllPayloads))]
    public void Every_published_payload_parses_as_its_event(string eventName, string file)
    {
        var parsed = GitHubWebhookParser.Parse(eventName, WebhookCorpus.Read(file));

        Assert.Equal(eventName, parsed.Name);
        var expectedType = eventName switch
        {
            "push" => typeof(PushEvent),
            "pull_request" => typeof(PullRequestEvent),
            "ping" => typeof(PingEvent),
            _ => typeof(OtherEvent),
        };
        Assert.IsType(expectedType, parsed);
    }

    [Fact]
    public void A_push_that_creates_a_branch()
    {
        var push = Push("push/with-new-branch.payload.json");

        Assert.Equal(new GitHubRepository("Codertocat/Hello-World", "Codertocat", "Hello-World", "https://github.com/Codertocat/Hello-World.git", "master"), push.Repository);
        Assert.Equal("refs/heads/master", push.Ref);
        Assert.Equal("master", push.BranchName);
        Assert.False(push.IsTag);
        Assert.Null(push.TagName);
        Assert.True(push.Created);
        Assert.False(push.Deleted);
        Assert.False(push.Forced);
        Assert.Equal(Zeros, push.Before);
        Assert.Equal("6113728f27ae82c7b1a177c8d03f9e96e0adf246", push.After);
        Assert.Equal(1, push.CommitCount);
        Assert.Equal("Codertocat", push.PusherName);
        Assert.Equal("Codertocat", push.SenderLogin);
        Assert.Equal(
            new GitHubCommit("6113728f27ae82c7b1a177c8d03f9e96e0adf246", "Initial commit", new DateTimeOffset(2019, 5, 15, 15, 19, 25, TimeSpan.Zero),
                "https://github.com/Codertocat/Hello-World/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246", "Codertocat", "Codertocat"),
            push.HeadCommit);
    }

    [Theory]
    [InlineData("push/payload.json")]
    [InlineData("push/1.payload.json")]
    [InlineData("push/with-organization.payload.json")]
    public void A_push_that_deletes_a_tag(string file)
    {
        var push = Push(file);

        Assert.True(push.IsTag);
        Assert.Equal("simple-tag", push.TagName);
        Assert.Null(push.BranchName);
        Assert.True(push.Deleted);
        Assert.False(push.Created);
        Assert.Equal(Zeros, push.After);
        Assert.Equal("6113728f27ae82c7b1a177c8d03f9e96e0adf246", push.Before);
        Assert.Null(push.HeadCommit);
        Assert.Equal(0, push.CommitCount);
        Assert.Equal("Codertocat/Hello-World", push.Repository.FullName);
    }

    [Fact]
    public void A_push_whose_committer_has_no_username_still_names_the_author()
    {
        var push = Push("push/with-no-username-committer.payload.json");

        Assert.Equal("Codertocat", push.HeadCommit!.AuthorUsername);
        Assert.Equal("Codertocat", push.HeadCommit.AuthorName);
    }

    [Fact]
    public void A_push_to_an_existing_branch_keeps_the_commit_time_zone()
    {
        var push = Push("push/go-playground.existing-branch.push.json");

        Assert.False(push.Created);
        Assert.Equal("master", push.BranchName);
        Assert.Equal("binkkatal/sample_app", push.Repository.FullName);
        Assert.Equal("binkkatal", push.Repository.Owner);
        Assert.Equal("test a push event", push.HeadCommit!.Message);
        Assert.Equal(new DateTimeOffset(2018, 6, 29, 19, 34, 13, TimeSpan.FromHours(5.5)), push.HeadCommit.Timestamp);
        Assert.Equal(TimeSpan.FromHours(5.5), push.HeadCommit.Timestamp.Offset);
    }

    [Theory]
    [InlineData("pull_request/opened.payload.json", "opened")]
    [InlineData("pull_request/opened.with-null-body.json", "opened")]
    [InlineData("pull_request/synchronize.payload.json", "synchronize")]
    [InlineData("pull_request/closed.payload.json", "closed")]
    [InlineData("pull_request/reopened.payload.json", "reopened")]
    [InlineData("pull_request/labeled.payload.json", "labeled")]
    public void Pull_request_events(string file, string action)
    {
        var pr = Assert.IsType<PullRequestEvent>(GitHubWebhookParser.Parse("pull_request", WebhookCorpus.Read(file)));

        Assert.Equal(action, pr.Action);
        Assert.Equal(2, pr.Number);
        Assert.Equal("ec26c3e57ca3a959ca5aad62de7213c562f8c821", pr.HeadSha);
        Assert.Equal("changes", pr.HeadRef);
        Assert.Equal("master", pr.BaseRef);
        Assert.Equal("Codertocat/Hello-World", pr.Repository.FullName);
        Assert.Equal("Codertocat/Hello-World", pr.HeadRepositoryFullName);
        Assert.False(pr.IsFromFork);
        Assert.Equal("Codertocat", pr.SenderLogin);
        Assert.Equal("Update the README with new information.", pr.Title);
        Assert.Equal("https://github.com/Codertocat/Hello-World/pull/2", pr.HtmlUrl);
        Assert.False(pr.Merged);
    }

    [Fact]
    public void A_pull_request_from_a_fork_says_so()
    {
        var payload = WebhookCorpus.ReadNode("pull_request/opened.payload.json");
        payload["pull_request"]!["head"]!["repo"]!["full_name"] = "mallory/Hello-World";

        var pr = Assert.IsType<PullRequestEvent>(GitHubWebhookParser.Parse("pull_request", System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString())));

        Assert.True(pr.IsFromFork);
        Assert.Equal("mallory/Hello-World", pr.HeadRepositoryFullName);
    }

    [Theory]
    [InlineData("ping/payload.json")]
    [InlineData("ping/with-app_id.payload.json")]
    [InlineData("ping/with-organization.payload.json")]
    public void Ping_events(string file)
    {
        var ping = Assert.IsType<PingEvent>(GitHubWebhookParser.Parse("ping", WebhookCorpus.Read(file)));

        Assert.Equal("Anything added dilutes everything else.", ping.Zen);
        Assert.Equal(109948940, ping.HookId);
    }

    [Theory]
    [InlineData("create", "create/payload.json")]
    [InlineData("delete", "delete/payload.json")]
    [InlineData("workflow_run", "workflow_run/completed.payload.json")]
    [InlineData("deployment_status", "deployment_status/payload.json")]
    public void Events_the_pipelines_ignore_are_named_other_events(string eventName, string file)
    {
        var other = Assert.IsType<OtherEvent>(GitHubWebhookParser.Parse(eventName, WebhookCorpus.Read(file)));

        Assert.Equal(eventName, other.Name);
    }

    private static PushEvent Push(string file) => Assert.IsType<PushEvent>(GitHubWebhookParser.Parse("push", WebhookCorpus.Read(file)));
}
