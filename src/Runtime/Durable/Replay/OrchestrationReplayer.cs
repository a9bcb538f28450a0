using Microsoft.Extensions.Logging;
using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Durable.Replay;

/// <summary>What one replay decided: new actions to carry out and, if the orchestrator returned, how it ended.</summary>
internal sealed record ReplayOutcome(
    IReadOnlyList<OrchestratorAction> NewActions,
    OrchestrationRuntimeStatus? FinalStatus,
    string? Output,
    TaskFailureDetails? Failure,
    ContinueAsNewRequest? ContinueAsNew,
    IReadOnlyList<(string Name, string? Input)> UnprocessedEvents,
    string? CustomStatus);

/// <summary>
/// Runs orchestrator code against its history: past events are replayed (IsReplaying), then the new ones are applied,
/// all on one thread with continuations run in order, so the same history always drives the code the same way.
/// </summary>
internal static class OrchestrationReplayer
{
    public static ReplayOutcome Run(
        ITaskOrchestrator orchestrator,
        ExecutionStartedEvent started,
        IReadOnlyList<HistoryEvent> pastEvents,
        IReadOnlyList<HistoryEvent> newEvents,
        string instanceId,
        DataConverter converter,
        ILoggerFactory loggerFactory,
        string? previousCustomStatus)
    {
        var parent = started.ParentInstance is { } p ? new ParentOrchestrationInstance(p.Name, p.InstanceId) : null;
        var context = new ReplayOrchestrationContext(started.Name, instanceId, parent, started.Input, converter, loggerFactory);
        var synchronizationContext = new OrchestrationSynchronizationContext();
        var previousContext = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(synchronizationContext);
        Task<object?>? run = null;
        try
        {
            var i = 0;
            for (; i < pastEvents.Count + newEvents.Count && run is not { IsCompleted: true }; i++)
            {
                context.Replaying = i < pastEvents.Count;
                var historyEvent = i < pastEvents.Count ? pastEvents[i] : newEvents[i - pastEvents.Count];
                Apply(historyEvent, context, orchestrator, ref run);
                synchronizationContext.Drain();
            }
            // Events that arrived in the same batch the orchestrator returned in were never seen: ContinueAsNew carries them.
            for (var j = Math.Max(0, i - pastEvents.Count); j < newEvents.Count; j++)
                if (newEvents[j] is EventRaisedEvent unseen) context.BufferUnprocessedEvent(unseen.Name, unseen.Input);
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            return Ended(context, OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(ex), previousCustomStatus);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previousContext);
        }

        var customStatus = context.SerializedCustomStatus ?? previousCustomStatus;
        if (run is null || !run.IsCompleted)
            return new ReplayOutcome(context.NewActions, null, null, null, null, [], customStatus);
        if (!run.IsCompletedSuccessfully)
        {
            var exception = run.Exception?.InnerException ?? new TaskCanceledException($"Orchestrator '{started.Name}' was canceled.");
            return Ended(context, OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(exception), customStatus);
        }
        if (context.ContinueAsNewRequest is { } continueAsNew)
            return new ReplayOutcome(SentEventsOnly(context), OrchestrationRuntimeStatus.ContinuedAsNew, null, null, continueAsNew,
                continueAsNew.PreserveUnprocessedEvents ? context.UnprocessedEvents : [], customStatus);
        try
        {
            var output = converter.Serialize(run.Result, $"The output of orchestration '{started.Name}'");
            return Ended(context, OrchestrationRuntimeStatus.Completed, output, null, customStatus);
        }
        catch (Exception ex)
        {
            return Ended(context, OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(ex), customStatus);
        }
    }

    private static void Apply(HistoryEvent historyEvent, ReplayOrchestrationContext context, ITaskOrchestrator orchestrator, ref Task<object?>? run)
    {
        switch (historyEvent)
        {
            case OrchestratorStartedEvent:
                context.CurrentTime = historyEvent.Timestamp;
                break;
            case ExecutionStartedEvent started:
                if (context.CurrentTime == default) context.CurrentTime = historyEvent.Timestamp;
                run = Start(orchestrator, context, started);
                break;
            case TaskScheduledEvent or TimerCreatedEvent or SubOrchestrationInstanceCreatedEvent or EventSentEvent:
                context.MatchRecordedAction(historyEvent);
                break;
            case TaskCompletedEvent completed:
                context.CompleteTask(completed.TaskScheduledId, completed.Result);
                break;
            case TaskFailedEvent failed:
                context.FailTask(failed.TaskScheduledId, failed.FailureDetails);
                break;
            case SubOrchestrationInstanceCompletedEvent completed:
                context.CompleteTask(completed.TaskScheduledId, completed.Result);
                break;
            case SubOrchestrationInstanceFailedEvent failed:
                context.FailTask(failed.TaskScheduledId, failed.FailureDetails);
                break;
            case TimerFiredEvent fired:
                context.CompleteTask(fired.TimerId, null);
                break;
            case EventRaisedEvent raised:
                context.RaiseEvent(raised.Name, raised.Input);
                break;
        }
    }

    private static Task<object?> Start(ITaskOrchestrator orchestrator, ReplayOrchestrationContext context, ExecutionStartedEvent started)
    {
        try
        {
            var input = context.Converter.Deserialize(started.Input, orchestrator.InputType);
            return orchestrator.RunAsync(context, input);
        }
        catch (Exception ex)
        {
            return Task.FromException<object?>(ex);
        }
    }

    private static ReplayOutcome Ended(ReplayOrchestrationContext context, OrchestrationRuntimeStatus status, string? output, TaskFailureDetails? failure, string? customStatus) =>
        new(SentEventsOnly(context), status, output, failure, null, [], customStatus);

    // Once the orchestrator has returned, only the events it sent still matter; scheduled work would go unawaited.
    private static List<OrchestratorAction> SentEventsOnly(ReplayOrchestrationContext context) =>
        [.. context.NewActions.Where(a => a.Kind == ActionKind.SendEvent)];
}
