using System.Text.Json.Serialization;

namespace Serverless.Core.Integrations.PagerDuty;

/// <summary>What to do with the alert a <see cref="PagerDutyEvent.DedupKey"/> names.</summary>
public enum PagerDutyEventAction
{
    Trigger,
    Acknowledge,
    Resolve,
}

/// <summary>PagerDuty's four alert severities.</summary>
public enum PagerDutySeverity
{
    Critical,
    Error,
    Warning,
    Info,
}

/// <summary>
/// An Events API v2 alert event. A trigger needs <see cref="Summary"/>, <see cref="Source"/> and <see cref="Severity"/>;
/// acknowledge and resolve need only the <see cref="DedupKey"/> of the alert they refer to.
/// </summary>
public sealed record PagerDutyEvent
{
    public required PagerDutyEventAction Action { get; init; }

    /// <summary>Up to 255 characters; the same key on a later event updates the same alert.</summary>
    public required string DedupKey { get; init; }

    /// <summary>Up to 1024 characters; longer summaries are cut, as PagerDuty itself does.</summary>
    public string? Summary { get; init; }

    public string? Source { get; init; }

    public PagerDutySeverity Severity { get; init; } = PagerDutySeverity.Critical;

    public string? Component { get; init; }

    public string? Group { get; init; }

    public IReadOnlyDictionary<string, string>? CustomDetails { get; init; }

    public static PagerDutyEvent Trigger(string dedupKey, string summary, string source, PagerDutySeverity severity = PagerDutySeverity.Critical) =>
        new() { Action = PagerDutyEventAction.Trigger, DedupKey = dedupKey, Summary = summary, Source = source, Severity = severity };

    public static PagerDutyEvent Resolve(string dedupKey) => new() { Action = PagerDutyEventAction.Resolve, DedupKey = dedupKey };
}

/// <summary>PagerDuty's 202 answer.</summary>
public sealed record PagerDutyEventAccepted(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("dedup_key")] string DedupKey);
