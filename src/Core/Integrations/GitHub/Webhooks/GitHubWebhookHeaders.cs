namespace Serverless.Core.Integrations.GitHub;

/// <summary>The request headers GitHub sends with every webhook delivery.</summary>
public static class GitHubWebhookHeaders
{
    /// <summary>The event name, e.g. <c>push</c>, <c>pull_request</c>, <c>ping</c>.</summary>
    public const string Event = "X-GitHub-Event";

    /// <summary>A GUID unique to the delivery (redeliveries reuse it): the idempotency key for a pipeline run.</summary>
    public const string Delivery = "X-GitHub-Delivery";

    /// <summary><c>sha256=</c> HMAC of the raw body; see <see cref="GitHubWebhookSignature"/>.</summary>
    public const string Signature256 = "X-Hub-Signature-256";

    public const string HookId = "X-GitHub-Hook-ID";
}
