namespace Serverless.Core.Integrations.GitHub;

/// <summary>A <c>push</c> event: commits pushed to a branch or tag, or a branch or tag created or deleted.</summary>
public sealed record PushEvent : GitHubWebhookEvent
{
    public const string EventName = "push";
    private const string BranchPrefix = "refs/heads/";
    private const string TagPrefix = "refs/tags/";

    public override string Name => EventName;

    public required GitHubRepository Repository { get; init; }

    /// <summary>The full ref, e.g. <c>refs/heads/main</c> or <c>refs/tags/v1.0</c>.</summary>
    public required string Ref { get; init; }

    /// <summary>The SHA before the push; forty zeros when the ref was created.</summary>
    public required string Before { get; init; }

    /// <summary>The SHA after the push; forty zeros when the ref was deleted.</summary>
    public required string After { get; init; }

    public required bool Created { get; init; }
    public required bool Deleted { get; init; }
    public required bool Forced { get; init; }

    /// <summary>Null when the push deleted the ref.</summary>
    public GitHubCommit? HeadCommit { get; init; }

    public required string PusherName { get; init; }
    public required string SenderLogin { get; init; }

    /// <summary>The length of the payload's <c>commits</c> array, which GitHub caps at 20.</summary>
    public required int CommitCount { get; init; }

    public bool IsTag => Ref.StartsWith(TagPrefix, StringComparison.Ordinal);

    public string? BranchName => Ref.StartsWith(BranchPrefix, StringComparison.Ordinal) ? Ref[BranchPrefix.Length..] : null;

    public string? TagName => IsTag ? Ref[TagPrefix.Length..] : null;
}
