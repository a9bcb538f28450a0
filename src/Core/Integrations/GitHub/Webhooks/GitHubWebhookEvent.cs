namespace Serverless.Core.Integrations.GitHub;

/// <summary>
/// A webhook delivery parsed by <see cref="GitHubWebhookParser"/>: <see cref="PushEvent"/>,
/// <see cref="PullRequestEvent"/>, <see cref="PingEvent"/>, or <see cref="OtherEvent"/> for every other event.
/// </summary>
public abstract record GitHubWebhookEvent
{
    private protected GitHubWebhookEvent() { }

    /// <summary>The <c>X-GitHub-Event</c> name.</summary>
    public abstract string Name { get; }
}
