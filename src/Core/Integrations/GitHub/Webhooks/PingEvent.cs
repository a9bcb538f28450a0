namespace Serverless.Core.Integrations.GitHub;

/// <summary>The <c>ping</c> GitHub sends when a webhook is created.</summary>
public sealed record PingEvent : GitHubWebhookEvent
{
    public const string EventName = "ping";

    public override string Name => EventName;

    public required string Zen { get; init; }
    public required long HookId { get; init; }
}
