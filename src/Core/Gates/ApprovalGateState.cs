using Serverless.Core.Pipelines;

namespace Serverless.Core.Gates;

/// <summary>An approval gate's status, kept apart from the policy it was opened with; replaced, never changed.</summary>
public sealed record ApprovalGateState
{
    public required int Required { get; init; }
    public IReadOnlyList<string> Users { get; init; } = [];
    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>Who pushed the change; they cannot approve it.</summary>
    public string? Pusher { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public ApprovalOutcome Outcome { get; init; } = ApprovalOutcome.Pending;
    public IReadOnlyList<ApprovalDecision> Decisions { get; init; } = [];

    /// <summary>Distinct approvers so far, in the order they first approved.</summary>
    public IReadOnlyList<string> ApprovedBy =>
        Decisions.Where(d => d.Choice == ApprovalChoice.Approve).Select(d => d.Approver).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public ApprovalDecision? Rejection => Decisions.FirstOrDefault(d => d.Choice == ApprovalChoice.Reject);

    public static ApprovalGateState Open(ApprovalPolicy policy, string? pusher, DateTimeOffset now) => new()
    {
        Required = Math.Max(1, policy.Required),
        Users = policy.Users.ToList(),
        Teams = policy.Teams.ToList(),
        Pusher = pusher,
        OpenedAt = now,
        ExpiresAt = now + policy.Timeout,
    };
}
