using System.Text.Json;

namespace Serverless.Core.Integrations.GitHub;

/// <summary>Reads a webhook delivery from its <c>X-GitHub-Event</c> name and raw body.</summary>
public static class GitHubWebhookParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <exception cref="GitHubWebhookFormatException">
    /// The body is not JSON, or lacks (or mistypes) a field the event needs; <see cref="GitHubWebhookFormatException.Field"/> names it.
    /// </exception>
    public static GitHubWebhookEvent Parse(string eventName, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(eventName))
            throw new GitHubWebhookFormatException(GitHubWebhookFormatError.MissingField, GitHubWebhookHeaders.Event,
                $"The delivery has no {GitHubWebhookHeaders.Event} header.");

        using var document = ParseJson(eventName, body);
        var root = PayloadNode.Root(document.RootElement, eventName);
        return eventName switch
        {
            PushEvent.EventName => ReadPush(root),
            PullRequestEvent.EventName => ReadPullRequest(root),
            PingEvent.EventName => ReadPing(root),
            _ => new OtherEvent(eventName),
        };
    }

    private static JsonDocument ParseJson(string eventName, ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body.ToArray(), DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new GitHubWebhookFormatException(GitHubWebhookFormatError.MalformedJson, null,
                $"The {eventName} payload is not valid JSON: {e.Message}", e);
        }
    }

    private static PushEvent ReadPush(PayloadNode root)
    {
        var head = root.OptionalObject("head_commit");
        return new PushEvent
        {
            Repository = ReadRepository(root.Object("repository")),
            Ref = root.String("ref"),
            Before = root.Sha("before"),
            After = root.Sha("after"),
            Created = root.Boolean("created"),
            Deleted = root.Boolean("deleted"),
            Forced = root.Boolean("forced"),
            HeadCommit = head is { } h ? ReadCommit(h) : null,
            PusherName = root.Object("pusher").String("name"),
            SenderLogin = root.Object("sender").String("login"),
            CommitCount = root.ArrayLength("commits"),
        };
    }

    private static PullRequestEvent ReadPullRequest(PayloadNode root)
    {
        var pullRequest = root.Object("pull_request");
        var head = pullRequest.Object("head");
        return new PullRequestEvent
        {
            Action = root.String("action"),
            Number = root.Int32("number"),
            HeadSha = head.Sha("sha"),
            HeadRef = head.String("ref"),
            HeadRepositoryFullName = head.OptionalObject("repo")?.String("full_name"),
            BaseRef = pullRequest.Object("base").String("ref"),
            Repository = ReadRepository(root.Object("repository")),
            SenderLogin = root.Object("sender").String("login"),
            Title = pullRequest.String("title"),
            HtmlUrl = pullRequest.String("html_url"),
            Merged = pullRequest.OptionalBoolean("merged") ?? false,
        };
    }

    private static PingEvent ReadPing(PayloadNode root) => new()
    {
        Zen = root.String("zen"),
        HookId = root.Int64("hook_id"),
    };

    private static GitHubRepository ReadRepository(PayloadNode repository)
    {
        var owner = repository.Object("owner");
        return new GitHubRepository(
            FullName: repository.String("full_name"),
            // Push payloads of old hooks carry the owner's login only as "name".
            Owner: owner.OptionalString("login") ?? owner.String("name"),
            Name: repository.String("name"),
            CloneUrl: repository.String("clone_url"),
            DefaultBranch: repository.String("default_branch"));
    }

    private static GitHubCommit ReadCommit(PayloadNode commit)
    {
        var author = commit.Object("author");
        return new GitHubCommit(
            Id: commit.Sha("id"),
            Message: commit.String("message"),
            Timestamp: commit.Timestamp("timestamp"),
            Url: commit.String("url"),
            AuthorName: author.String("name"),
            AuthorUsername: author.OptionalString("username"));
    }
}
