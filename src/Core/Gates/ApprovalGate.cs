namespace Serverless.Core.Gates;

/// <summary>
/// The approval gate's rules: a quorum of distinct allowed approvers, not the pusher; one rejection rejects;
/// after <see cref="ApprovalGateState.ExpiresAt"/> the gate expires. Pure: the caller supplies the time.
/// </summary>
public static class ApprovalGate
{
    public static ApprovalDecisionResult Decide(ApprovalGateState state, ApprovalDecision decision, ApprovalTeams teams)
    {
        state = Expire(state, decision.At);
        if (state.Outcome != ApprovalOutcome.Pending)
        {
            return Refuse(state, ApprovalRefusal.Closed, $"The gate is closed: {Describe(state)}.");
        }
        if (state.Pusher is { } pusher && string.Equals(pusher, decision.Approver, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(state, ApprovalRefusal.OwnChange, $"{decision.Approver} pushed this change and cannot approve it.");
        }
        if (!MayDecide(state, decision.Approver, teams))
        {
            return Refuse(state, ApprovalRefusal.NotAllowed, $"{decision.Approver} is not among the approvers ({DescribeApprovers(state, teams)}).");
        }

        if (state.Decisions.FirstOrDefault(d => string.Equals(d.Approver, decision.Approver, StringComparison.OrdinalIgnoreCase)) is { } earlier)
        {
            return Refuse(state, ApprovalRefusal.AlreadyDecided,
                $"{decision.Approver} already {(earlier.Choice == ApprovalChoice.Approve ? "approved" : "rejected")} this change at {earlier.At:yyyy-MM-dd HH:mm} UTC.");
        }

        var next = state with { Decisions = [.. state.Decisions, decision] };
        next = next with { Outcome = OutcomeOf(next) };
        return new ApprovalDecisionResult(next, null, Describe(next));
    }

    /// <summary>Closes a pending gate whose time is up; otherwise returns it unchanged.</summary>
    public static ApprovalGateState Expire(ApprovalGateState state, DateTimeOffset now) =>
        state.Outcome == ApprovalOutcome.Pending && now >= state.ExpiresAt ? state with { Outcome = ApprovalOutcome.Expired } : state;

    /// <summary>Closes a pending gate whose run has ended; otherwise returns it unchanged.</summary>
    public static ApprovalGateState Withdraw(ApprovalGateState state) =>
        state.Outcome == ApprovalOutcome.Pending ? state with { Outcome = ApprovalOutcome.Withdrawn } : state;

    public static bool MayDecide(ApprovalGateState state, string approver, ApprovalTeams teams) =>
        (state.Users.Count == 0 && state.Teams.Count == 0)
        || state.Users.Contains(approver, StringComparer.OrdinalIgnoreCase)
        || state.Teams.Any(team => teams.IsMember(approver, team));

    /// <summary>One line for people and custom status, e.g. "Awaiting approval 1/3 (alice)".</summary>
    public static string Describe(ApprovalGateState state) => state.Outcome switch
    {
        ApprovalOutcome.Pending => $"Awaiting approval {state.ApprovedBy.Count}/{state.Required}" + (state.ApprovedBy.Count > 0 ? $" ({string.Join(", ", state.ApprovedBy)})" : ""),
        ApprovalOutcome.Approved => $"Approved by {string.Join(", ", state.ApprovedBy)}",
        ApprovalOutcome.Rejected => state.Rejection is { } r ? $"Rejected by {r.Approver}" + (string.IsNullOrWhiteSpace(r.Comment) ? "" : $": {r.Comment}") : "Rejected",
        ApprovalOutcome.Expired => "Rejected: approval expired",
        ApprovalOutcome.Withdrawn => "Withdrawn: the run ended",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state.Outcome, "Unknown outcome."),
    };

    /// <summary>Who may approve, with each team's members spelled out: "erin, team release (alice, bob)".</summary>
    public static string DescribeApprovers(ApprovalGateState state, ApprovalTeams teams) =>
        state.Users.Count == 0 && state.Teams.Count == 0
            ? "anyone but the pusher"
            : string.Join(", ", state.Users.Concat(state.Teams.Select(team => teams.MembersOf(team) is { Count: > 0 } members
                ? $"team {team} ({string.Join(", ", members.Order(StringComparer.OrdinalIgnoreCase))})"
                : $"team {team} (no members)")));

    private static ApprovalOutcome OutcomeOf(ApprovalGateState state) =>
        state.Rejection is not null ? ApprovalOutcome.Rejected
        : state.ApprovedBy.Count >= state.Required ? ApprovalOutcome.Approved
        : ApprovalOutcome.Pending;

    private static ApprovalDecisionResult Refuse(ApprovalGateState state, ApprovalRefusal refusal, string detail) => new(state, refusal, detail);
}
