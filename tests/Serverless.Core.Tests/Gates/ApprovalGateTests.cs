using Serverless.Core.Gates;
using Serverless.Core.Pipelines;

namespace Serverless.Core.Tests.Gates;

public sealed class ApprovalGateTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly ApprovalTeams Teams = ApprovalTeams.Parse("release=alice,bob;ops=carol");

    private static ApprovalGateState Open(int required = 2, string[]? approvers = null, string? pusher = "dave") =>
        ApprovalGateState.Open(new ApprovalPolicy { Required = required, Timeout = TimeSpan.FromHours(1), Approvers = approvers ?? ["team:release", "erin"] }, pusher, Opened);

    private static ApprovalDecision Approve(string who, int minutes = 1) => new(who, ApprovalChoice.Approve, Opened.AddMinutes(minutes));

    private static ApprovalDecision Reject(string who, string? comment = null, int minutes = 1) => new(who, ApprovalChoice.Reject, Opened.AddMinutes(minutes), comment);

    private static ApprovalDecisionResult Apply(ApprovalGateState state, params ApprovalDecision[] decisions)
    {
        ApprovalDecisionResult result = new(state, null, ApprovalGate.Describe(state));
        foreach (var decision in decisions)
        {
            result = ApprovalGate.Decide(result.State, decision, Teams);
        }
        return result;
    }

    public static TheoryData<string, ApprovalDecision[], ApprovalOutcome, ApprovalRefusal?, string> Cases => new()
    {
        { "nobody yet", [], ApprovalOutcome.Pending, null, "Awaiting approval 0/2" },
        { "one of two", [Approve("alice")], ApprovalOutcome.Pending, null, "Awaiting approval 1/2 (alice)" },
        { "team member and named user", [Approve("alice"), Approve("erin")], ApprovalOutcome.Approved, null, "Approved by alice, erin" },
        { "same approver twice counts once", [Approve("alice"), Approve("ALICE", 2)], ApprovalOutcome.Pending, ApprovalRefusal.AlreadyDecided, "ALICE already approved this change at 2026-11-22 09:01 UTC." },
        { "no change of mind", [Approve("alice"), Reject("alice", "oops", 2)], ApprovalOutcome.Pending, ApprovalRefusal.AlreadyDecided, "alice already approved this change at 2026-11-22 09:01 UTC." },
        { "one rejection rejects", [Approve("alice"), Reject("bob", "not today")], ApprovalOutcome.Rejected, null, "Rejected by bob: not today" },
        { "rejection without comment", [Reject("bob")], ApprovalOutcome.Rejected, null, "Rejected by bob" },
        { "pusher cannot approve", [Approve("dave")], ApprovalOutcome.Pending, ApprovalRefusal.OwnChange, "dave pushed this change and cannot approve it." },
        { "not in users or teams", [Approve("carol")], ApprovalOutcome.Pending, ApprovalRefusal.NotAllowed, "carol is not among the approvers (erin, team release (alice, bob))." },
        { "after approval", [Approve("alice"), Approve("bob"), Reject("erin")], ApprovalOutcome.Approved, ApprovalRefusal.Closed, "The gate is closed: Approved by alice, bob." },
        { "after rejection", [Reject("bob", "no"), Approve("alice")], ApprovalOutcome.Rejected, ApprovalRefusal.Closed, "The gate is closed: Rejected by bob: no." },
        { "after expiry", [Approve("alice", 60)], ApprovalOutcome.Expired, ApprovalRefusal.Closed, "The gate is closed: Rejected: approval expired." },
        { "just before expiry", [Approve("alice", 59)], ApprovalOutcome.Pending, null, "Awaiting approval 1/2 (alice)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Applies_the_rules(string name, ApprovalDecision[] decisions, ApprovalOutcome outcome, ApprovalRefusal? refusal, string detail)
    {
        var result = Apply(Open(), decisions);

        Assert.True((outcome, refusal, detail) == (result.State.Outcome, result.Refusal, result.Detail), $"{name}: {result}");
    }

    [Fact]
    public void Keeps_every_accepted_decision_with_who_when_and_why()
    {
        var result = Apply(Open(), Approve("alice"), Approve("alice", 2), Reject("bob", "flaky", 3));

        Assert.Equal([Approve("alice"), Reject("bob", "flaky", 3)], result.State.Decisions);
    }

    [Fact]
    public void Refused_decisions_leave_the_state_as_it_was()
    {
        var state = Apply(Open(), Approve("alice")).State;

        Assert.Same(state, ApprovalGate.Decide(state, Approve("carol"), Teams).State);
    }

    [Fact]
    public void Without_approvers_anyone_but_the_pusher_may_decide()
    {
        var state = Open(required: 1, approvers: []);

        Assert.Equal(ApprovalOutcome.Approved, ApprovalGate.Decide(state, Approve("stranger"), ApprovalTeams.Empty).State.Outcome);
        Assert.Equal(ApprovalRefusal.OwnChange, ApprovalGate.Decide(state, Approve("dave"), ApprovalTeams.Empty).Refusal);
    }

    [Fact]
    public void Expires_at_the_timeout_and_describes_it_as_a_rejection()
    {
        var state = Open();

        Assert.Equal(ApprovalOutcome.Pending, ApprovalGate.Expire(state, Opened.AddMinutes(59)).Outcome);
        var expired = ApprovalGate.Expire(state, Opened.AddHours(1));
        Assert.Equal((ApprovalOutcome.Expired, "Rejected: approval expired"), (expired.Outcome, ApprovalGate.Describe(expired)));
    }

    [Fact]
    public void A_gate_whose_run_ended_is_withdrawn_refuses_decisions_and_a_closed_gate_stays_as_it_was()
    {
        var withdrawn = ApprovalGate.Withdraw(Open());
        var approved = Apply(Open(), [Approve("alice"), Approve("bob")]).State;

        Assert.Equal((ApprovalOutcome.Withdrawn, "Withdrawn: the run ended"), (withdrawn.Outcome, ApprovalGate.Describe(withdrawn)));
        var late = Apply(withdrawn, [Approve("alice")]);
        Assert.Equal((ApprovalRefusal.Closed, "The gate is closed: Withdrawn: the run ended."), (late.Refusal, late.Detail));
        Assert.Same(approved, ApprovalGate.Withdraw(approved));
    }

    [Fact]
    public void Expiry_does_not_reopen_or_change_a_closed_gate()
    {
        var approved = Apply(Open(required: 1), Approve("alice")).State;

        Assert.Equal(ApprovalOutcome.Approved, ApprovalGate.Expire(approved, Opened.AddDays(1)).Outcome);
    }

    [Theory]
    [InlineData(new[] { "team:release", "erin" }, "release=alice,bob;ops=carol", "erin, team release (alice, bob)")]
    [InlineData(new[] { "team:qa" }, "release=alice", "team qa (no members)")]
    [InlineData(new string[0], "", "anyone but the pusher")]
    public void Approvers_are_described_with_each_teams_members(string[] approvers, string teams, string expected)
    {
        Assert.Equal(expected, ApprovalGate.DescribeApprovers(Open(approvers: approvers), ApprovalTeams.Parse(teams)));
    }
}
