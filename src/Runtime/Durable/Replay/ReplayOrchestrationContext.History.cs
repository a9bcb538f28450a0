using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Durable.Replay;

/// <summary>How history events reach the code: recorded actions are matched, results complete the awaiting tasks.</summary>
internal sealed partial class ReplayOrchestrationContext
{
    /// <summary>History records an action at <see cref="HistoryEvent.EventId"/>; the code must have taken the same one.</summary>
    internal void MatchRecordedAction(HistoryEvent recorded)
    {
        if (!_unmatchedActions.Remove(recorded.EventId, out var action))
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration '{Name}' (instance '{InstanceId}'): history holds {OrchestratorAction.Describe(recorded)} " +
                $"at sequence number {recorded.EventId}, but the code did not schedule anything there. " +
                "Orchestrator code must schedule the same things in the same order on every replay.");
        if (!action.IsRecordedBy(recorded))
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration '{Name}' (instance '{InstanceId}'): history holds {OrchestratorAction.Describe(recorded)} " +
                $"at sequence number {recorded.EventId}, but the code scheduled {action.Describe()}. " +
                "Orchestrator code must schedule the same things in the same order on every replay.");
    }

    internal void CompleteTask(int taskId, string? serializedResult)
    {
        if (_openTasks.Remove(taskId, out var open)) open.Complete(serializedResult);
    }

    internal void FailTask(int taskId, TaskFailureDetails failure)
    {
        if (_openTasks.Remove(taskId, out var open)) open.Fail(failure);
    }
}
