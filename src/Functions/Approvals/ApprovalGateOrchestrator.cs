using Serverless.Core.Gates;
using Serverless.Functions.Pipelines.Activities;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Approvals;

/// <summary>
/// Waits for a quorum of "Approval" events, one rejection, or the policy's timeout, whichever comes first, and
/// returns the closed gate. While it waits it reminds approvers every <c>remind</c>, unless its run has ended meanwhile
/// (terminated from the monitor): then the gate is withdrawn instead of asking people to approve a run that is gone.
/// Time comes only from the context.
/// </summary>
public sealed class ApprovalGateOrchestrator
{
    [Function(nameof(ApprovalGateOrchestrator))]
    public async Task<ApprovalGateState> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<ApprovalGateInput>()!;
        var teams = ApprovalTeams.Parse(input.Teams);
        var state = ApprovalGateState.Open(input.Policy, input.Pusher, Now(context));
        Publish(context, input, state);
        while (state.Outcome == ApprovalOutcome.Pending)
        {
            var untilExpiry = state.ExpiresAt - Now(context);
            var wait = input.Policy.Remind is { } remind && remind < untilExpiry ? remind : untilExpiry;
            try
            {
                var decision = await context.WaitForExternalEvent<ApprovalEvent>(ApprovalGates.DecisionEvent, wait);
                state = ApprovalGate.Decide(state, new ApprovalDecision(decision.Approver, decision.Choice, Now(context), decision.Comment), teams).State;
            }
            catch (TaskCanceledException)
            {
                state = ApprovalGate.Expire(state, Now(context));
                if (state.Outcome == ApprovalOutcome.Pending && input.ChecksRunBeforeReminding && await RunEndedAsync(context, input.RunId))
                    state = ApprovalGate.Withdraw(state);
                if (state.Outcome == ApprovalOutcome.Pending)
                    await context.CallActivityAsync<bool>(nameof(ApprovalActivities.RemindApprovers), new ApprovalReminder(input, ApprovalGate.Describe(state), state.ExpiresAt));
            }
            Publish(context, input, state);
        }
        return state;
    }

    /// <summary>A store that cannot answer now leaves the gate open: reminding once too often beats failing the run.</summary>
    private static async Task<bool> RunEndedAsync(TaskOrchestrationContext context, string runId)
    {
        try
        {
            return await context.CallActivityAsync<string?>(nameof(EndedRuns.RunEnded), runId) is not null;
        }
        catch (TaskFailedException)
        {
            return false;
        }
    }

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    private static void Publish(TaskOrchestrationContext context, ApprovalGateInput input, ApprovalGateState state) =>
        context.SetCustomStatus(new ApprovalGateStatus(ApprovalGate.Describe(state), input.RunId, input.Repository, input.CommitSha, input.Environment, input.Teams, state));
}
