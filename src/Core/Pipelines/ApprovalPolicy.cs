using System.Text.Json.Serialization;

namespace Serverless.Core.Pipelines;

/// <summary>The quorum an approval gate waits for before it lets a deployment through.</summary>
public sealed record ApprovalPolicy
{
    /// <summary>Distinct approvers needed; at least 1.</summary>
    public required int Required { get; init; }

    /// <summary>After this the gate expires and the run is rejected.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>Who may approve: user names, and teams written <c>team:name</c>. Empty: no restriction by name.</summary>
    public IReadOnlyList<string> Approvers { get; init; } = [];

    /// <summary>How often to remind approvers while the gate waits; null for no reminders.</summary>
    public TimeSpan? Remind { get; init; }

    public const string TeamPrefix = "team:";

    [JsonIgnore]
    public IEnumerable<string> Users => Approvers.Where(a => !a.StartsWith(TeamPrefix, StringComparison.Ordinal));

    /// <summary>Team names, without the <c>team:</c> prefix.</summary>
    [JsonIgnore]
    public IEnumerable<string> Teams => Approvers.Where(a => a.StartsWith(TeamPrefix, StringComparison.Ordinal)).Select(a => a[TeamPrefix.Length..]);
}
