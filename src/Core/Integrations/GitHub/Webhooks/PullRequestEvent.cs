namespace Serverless.Core.Integrations.GitHub;

/// <summary>A <c>pull_request</c> event (opened, synchronize, closed, labeled, ...).</summary>
public sealed record PullRequestEvent : GitHubWebhookEvent
{
    public const string EventName = "pull_request";

    public override string Name => EventName;

    public required string Action { get; init; }
    public required int Number { get; init; }
    public required string HeadSha { get; init; }
    public required string HeadRef { get; init; }
    public required string BaseRef { get; init; }

    /// <summary>The repository the head branch lives in; differs from <see cref="Repository"/> for a fork, null when the fork was deleted.</summary>
    public string? HeadRepositoryFullName { get; init; }

    public required GitHubRepository Repository { get; init; }
    public required string SenderLogin { get; init; }
    public required string Title { get; init; }
    public required string HtmlUrl { get; init; }

    /// <summary>True for a <c>closed</c> action that merged the pull request.</summary>
    public bool Merged { get; init; }

    public bool IsFromFork => !string.Equals(HeadRepositoryFullName, Repository.FullName, StringComparison.OrdinalIgnoreCase);
}
