namespace Serverless.Core.Pipelines;

/// <summary>
/// Where to send notifications. Values are kept as written: either the value itself or a <c>%SETTING%</c>
/// reference that the app resolves from its configuration.
/// </summary>
public sealed record NotificationsDefinition
{
    public string? Slack { get; init; }
    public string? PagerDuty { get; init; }
}
