using Serverless.Core.Gates;
using Serverless.Functions.Approvals;
using Serverless.Runtime.Durable.History;

namespace Serverless.Functions.Tests.Approvals;

public sealed class ApprovalGateOrchestratorTests
{
    [Fact]
    public async Task Approves_once_the_quorum_of_distinct_approvers_is_reached()
    {
        await using var gate = await ApprovalGateHarness.OpenAsync(ApprovalGateHarness.Policy(required: 2));

        Assert.Equal("Awaiting approval 0/2", (await gate.UntilStatusAsync(_ => true)).Text);
        await gate.DecideAsync("alice", ApprovalChoice.Approve);
        Assert.Equal("Awaiting approval 1/2 (alice)", (await gate.UntilStatusAsync(s => s.State.Decisions.Count == 1)).Text);
        await gate.DecideAsync("alice", ApprovalChoice.Approve);
        await gate.DecideAsync("erin", ApprovalChoice.Approve);

        var closed = await gate.CompletionAsync();
        Assert.Equal((ApprovalOutcome.Approved, "Approved by alice, erin", 2), (closed.Outcome, ApprovalGate.Describe(closed), closed.Decisions.Count));
    }

    [Fact]
    public async Task Ignores_decisions_the_rules_refuse_and_one_rejection_rejects()
    {
        await using var gate = await ApprovalGateHarness.OpenAsync(ApprovalGateHarness.Policy(required: 2));

        await gate.DecideAsync("dave", ApprovalChoice.Approve);
        await gate.DecideAsync("carol", ApprovalChoice.Approve);
        await gate.DecideAsync("bob", ApprovalChoice.Reject, "error rate is up");

        var closed = await gate.CompletionAsync();
        Assert.Equal((ApprovalOutcome.Rejected, "Rejected by bob: error rate is up"), (closed.Outcome, ApprovalGate.Describe(closed)));
        Assert.Equal(["bob"], closed.Decisions.Select(d => d.Approver));
    }

    [Fact]
    public async Task Expires_when_the_test_clock_passes_the_timeout()
    {
        await using var gate = await ApprovalGateHarness.OpenAsync(ApprovalGateHarness.Policy(required: 2));
        await gate.DecideAsync("alice", ApprovalChoice.Approve);
        await gate.UntilStatusAsync(s => s.State.Decisions.Count == 1);
        await gate.UntilTimersAsync(2);

        gate.Clock.Advance(TimeSpan.FromHours(4));

        var closed = await gate.CompletionAsync();
        Assert.Equal((ApprovalOutcome.Expired, "Rejected: approval expired"), (closed.Outcome, ApprovalGate.Describe(closed)));
        Assert.Empty(gate.Reminders);
    }

    [Fact]
    public async Task A_gate_whose_run_was_terminated_is_withdrawn_at_its_next_reminder_instead_of_reminding()
    {
        await using var gate = await ApprovalGateHarness.OpenAsync(ApprovalGateHarness.Policy(required: 2, remind: TimeSpan.FromHours(1)));
        gate.Clock.Advance(TimeSpan.FromHours(1));
        await gate.UntilTimersAsync(2);
        Assert.Single(gate.Reminders);

        await gate.Client.TerminateInstanceAsync(ApprovalGateHarness.RunId, "cancelled from the monitor");
        await gate.Client.WaitForInstanceCompletionAsync(ApprovalGateHarness.RunId).WaitAsync(TimeSpan.FromSeconds(30));
        gate.Clock.Advance(TimeSpan.FromHours(1));

        var closed = await gate.CompletionAsync();
        Assert.Equal((ApprovalOutcome.Withdrawn, "Withdrawn: the run ended"), (closed.Outcome, ApprovalGate.Describe(closed)));
        Assert.Single(gate.Reminders);
    }

    [Fact]
    public async Task A_gate_opened_before_the_run_check_existed_keeps_the_history_it_was_recorded_with()
    {
        await using var gate = await ApprovalGateHarness.OpenAsync(ApprovalGateHarness.Policy(required: 2, remind: TimeSpan.FromHours(1)), checksRun: false);
        gate.Clock.Advance(TimeSpan.FromHours(1));
        await gate.UntilTimersAsync(2);

        var scheduled = (await gate.Client.GetOrchestrationHistoryAsync(ApprovalGateHarness.InstanceId)).OfType<TaskScheduledEvent>().Select(e => e.Name);
        Assert.Equal([nameof(ApprovalActivities.RemindApprovers)], scheduled);
    }

    [Fact]
    public async Task Reminds_approvers_every_interval_while_it_waits()
    {
        await using var gate = await ApprovalGateHarness.OpenAsync(ApprovalGateHarness.Policy(required: 2, remind: TimeSpan.FromHours(1)));

        gate.Clock.Advance(TimeSpan.FromHours(1));
        await gate.UntilTimersAsync(2);
        gate.Clock.Advance(TimeSpan.FromHours(1));
        await gate.UntilTimersAsync(3);

        Assert.Equal(["Awaiting approval 0/2", "Awaiting approval 0/2"], gate.Reminders.Select(r => r.Status));
        await gate.DecideAsync("alice", ApprovalChoice.Approve);
        await gate.DecideAsync("bob", ApprovalChoice.Approve);
        Assert.Equal(ApprovalOutcome.Approved, (await gate.CompletionAsync()).Outcome);
    }
}
