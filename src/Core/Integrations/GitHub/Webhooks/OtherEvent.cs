namespace Serverless.Core.Integrations.GitHub;

/// <summary>Any event the pipelines do not act on (create, delete, check_run, workflow_run, ...).</summary>
public sealed record OtherEvent : GitHubWebhookEvent
{
    public OtherEvent(string name) => Name = name;

    public override string Name { get; }
}
