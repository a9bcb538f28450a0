using System.Text;
using System.Text.Json.Nodes;
using Serverless.Core.Integrations.GitHub;

namespace Serverless.Core.Tests.Integrations.GitHub.Webhooks;

public sealed class GitHubWebhookParserErrorTests
{
    [Theory]
    [InlineData("push", "push/with-new-branch.payload.json")]
    [InlineData("pull_request", "pull_request/opened.payload.json")]
    [InlineData("ping", "ping/payload.json")]
    [InlineData("create", "create/payload.json")]
    public void Truncated_bodies_are_malformed_json_for_every_event(string eventName, string file)
    {
        var body = WebhookCorpus.Read(file);

        foreach (var length in new[] { 0, 1, body.Length / 2, body.Length - 2 })
        {
            var error = Assert.Throws<GitHubWebhookFormatException>(() => GitHubWebhookParser.Parse(eventName, body.AsSpan(0, length)));
            Assert.Equal(GitHubWebhookFormatError.MalformedJson, error.Error);
            Assert.Null(error.Field);
            Assert.Contains("not valid JSON", error.Message);
        }
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"push\"")]
    [InlineData("42")]
    public void A_body_that_is_json_but_not_an_object_is_refused(string body)
    {
        var error = Parse("push", body);

        Assert.Equal(GitHubWebhookFormatError.InvalidField, error.Error);
        Assert.Equal("$", error.Field);
    }

    [Fact]
    public void Trailing_content_after_the_payload_is_malformed()
    {
        var body = Encoding.UTF8.GetString(WebhookCorpus.Read("ping/payload.json")) + "{}";

        Assert.Equal(GitHubWebhookFormatError.MalformedJson, Parse("ping", body).Error);
    }

    [Theory]
    [InlineData("repository")]
    [InlineData("repository.full_name")]
    [InlineData("repository.owner")]
    [InlineData("repository.clone_url")]
    [InlineData("repository.default_branch")]
    [InlineData("ref")]
    [InlineData("after")]
    [InlineData("created")]
    [InlineData("commits")]
    [InlineData("pusher.name")]
    [InlineData("sender")]
    [InlineData("head_commit.timestamp")]
    [InlineData("head_commit.author.name")]
    public void A_push_without_a_needed_field_names_it(string path)
    {
        var payload = WebhookCorpus.ReadNode("push/with-new-branch.payload.json");
        Remove(payload, path);

        var error = Parse("push", payload.ToJsonString());

        Assert.Equal(GitHubWebhookFormatError.MissingField, error.Error);
        Assert.Equal(path, error.Field);
        Assert.Contains($"'{path}'", error.Message);
    }

    [Fact]
    public void A_null_field_counts_as_missing()
    {
        var payload = WebhookCorpus.ReadNode("push/with-new-branch.payload.json");
        payload["ref"] = null;

        Assert.Equal("ref", Parse("push", payload.ToJsonString()).Field);
    }

    [Theory]
    [InlineData("after", "42")]
    [InlineData("after", "\"HEAD; rm -rf /\"")]
    [InlineData("after", "\"6113728F27AE82C7B1A177C8D03F9E96E0ADF246\"")]
    [InlineData("before", "\"6113728\"")]
    [InlineData("created", "\"yes\"")]
    [InlineData("commits", "{}")]
    [InlineData("repository", "\"Codertocat/Hello-World\"")]
    [InlineData("head_commit.timestamp", "\"yesterday\"")]
    [InlineData("head_commit.id", "\"--upload-pack=evil\"")]
    public void A_push_with_a_mistyped_or_unsafe_field_names_it(string path, string json)
    {
        var payload = WebhookCorpus.ReadNode("push/with-new-branch.payload.json");
        Set(payload, path, JsonNode.Parse(json));

        var error = Parse("push", payload.ToJsonString());

        Assert.Equal(GitHubWebhookFormatError.InvalidField, error.Error);
        Assert.Equal(path, error.Field);
    }

    [Theory]
    [InlineData("number", "\"2\"")]
    [InlineData("number", "1e40")]
    [InlineData("pull_request.head.sha", "\"main\"")]
    [InlineData("pull_request.title", "[]")]
    public void A_pull_request_with_a_mistyped_field_names_it(string path, string json)
    {
        var payload = WebhookCorpus.ReadNode("pull_request/opened.payload.json");
        Set(payload, path, JsonNode.Parse(json));

        var error = Parse("pull_request", payload.ToJsonString());

        Assert.Equal(GitHubWebhookFormatError.InvalidField, error.Error);
        Assert.Equal(path, error.Field);
    }

    [Theory]
    [InlineData("pull_request.base.ref")]
    [InlineData("pull_request.html_url")]
    [InlineData("action")]
    public void A_pull_request_without_a_needed_field_names_it(string path)
    {
        var payload = WebhookCorpus.ReadNode("pull_request/opened.payload.json");
        Remove(payload, path);

        Assert.Equal(path, Parse("pull_request", payload.ToJsonString()).Field);
    }

    [Fact]
    public void A_ping_without_a_hook_id_names_it()
    {
        var payload = WebhookCorpus.ReadNode("ping/payload.json");
        payload.Remove("hook_id");

        var error = Parse("ping", payload.ToJsonString());

        Assert.Equal(GitHubWebhookFormatError.MissingField, error.Error);
        Assert.Equal("hook_id", error.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_delivery_without_an_event_name_is_refused(string eventName)
    {
        var error = Parse(eventName, "{}");

        Assert.Equal(GitHubWebhookFormatError.MissingField, error.Error);
        Assert.Equal(GitHubWebhookHeaders.Event, error.Field);
    }

    [Fact]
    public void Deeply_nested_json_is_refused_as_malformed_rather_than_exhausting_the_stack()
    {
        var body = new string('[', 10_000) + new string(']', 10_000);

        Assert.Equal(GitHubWebhookFormatError.MalformedJson, Parse("issues", body).Error);
    }

    private static GitHubWebhookFormatException Parse(string eventName, string body) =>
        Assert.Throws<GitHubWebhookFormatException>(() => GitHubWebhookParser.Parse(eventName, Encoding.UTF8.GetBytes(body)));

    private static void Remove(JsonObject root, string path)
    {
        var (parent, name) = Locate(root, path);
        Assert.True(parent.Remove(name), $"the corpus payload has {path}");
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var (parent, name) = Locate(root, path);
        parent[name] = value;
    }

    private static (JsonObject Parent, string Name) Locate(JsonObject root, string path)
    {
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(root, (node, part) => (JsonObject)node[part]!);
        return (parent, parts[^1]);
    }
}
