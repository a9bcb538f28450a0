using Microsoft.Extensions.Logging;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Durable.Replay;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Durable.Worker;

/// <summary>
/// Turns one locked work item (instance, history, inbox) into the step to commit: which messages it consumes, what it
/// appends to history, the instance's new state, and what it sends out.
/// </summary>
internal sealed class OrchestrationStepProcessor(
    DurableTaskRegistry registry,
    IServiceProvider? services,
    DataConverter converter,
    ILoggerFactory loggerFactory)
{
    public OrchestrationStepResult Process(OrchestrationWorkItem workItem, DateTimeOffset now)
    {
        var instance = workItem.Instance;
        var consumed = new List<long>();
        if (instance.Status.IsTerminal())
            return Unchanged(instance, [.. workItem.Messages.Select(m => m.Id)]);

        var started = FindStarted(workItem.History);
        var completedTaskIds = CompletedTaskIds(workItem.History);
        var step = new List<HistoryEvent> { new OrchestratorStartedEvent { Timestamp = now } };
        var toApply = new List<HistoryEvent>();
        var status = instance.Status;
        foreach (var message in workItem.Messages)
        {
            if (status == OrchestrationRuntimeStatus.Suspended && message.Event is not (ExecutionResumedEvent or ExecutionTerminatedEvent))
                break;
            consumed.Add(message.Id);
            if (message.TargetExecutionId is not null && message.TargetExecutionId != instance.ExecutionId) continue;
            switch (message.Event)
            {
                case ExecutionTerminatedEvent terminated:
                    return Terminate(workItem, started, terminated, now, [.. workItem.Messages.Select(m => m.Id)]);
                case ExecutionSuspendedEvent suspended when status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.ContinuedAsNew:
                    status = OrchestrationRuntimeStatus.Suspended;
                    step.Add(suspended with { Timestamp = now });
                    break;
                case ExecutionResumedEvent resumed when status == OrchestrationRuntimeStatus.Suspended:
                    status = started is null ? OrchestrationRuntimeStatus.Pending : OrchestrationRuntimeStatus.Running;
                    step.Add(resumed with { Timestamp = now });
                    break;
                case ExecutionSuspendedEvent or ExecutionResumedEvent:
                    break;
                case ExecutionStartedEvent start:
                    if (started is not null || toApply.Any(e => e is ExecutionStartedEvent)) break;
                    toApply.Insert(0, start);
                    break;
                case TaskCompletedEvent or TaskFailedEvent or SubOrchestrationInstanceCompletedEvent or SubOrchestrationInstanceFailedEvent or TimerFiredEvent
                    when !completedTaskIds.Add(ResponseTaskId(message.Event)):
                    break; // a redelivered result for a task history already completed
                default:
                    toApply.Add(message.Event);
                    break;
            }
        }

        started ??= toApply.FirstOrDefault() as ExecutionStartedEvent;
        if (started is null || toApply.Count == 0 || status == OrchestrationRuntimeStatus.Suspended)
            return StatusOnly(instance, step, status, consumed, now);

        ReplayOutcome outcome;
        try
        {
            var orchestrator = registry.CreateOrchestrator(started.Name, services);
            outcome = OrchestrationReplayer.Run(orchestrator, started, workItem.History, [.. step, .. toApply], instance.InstanceId, converter, loggerFactory, instance.CustomStatus);
        }
        catch (FunctionNotFoundException ex)
        {
            outcome = new ReplayOutcome([], OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(ex), null, [], instance.CustomStatus);
        }
        step.AddRange(toApply);
        return OutboundPlan.Build(workItem, started, step, outcome, consumed, now, converter);
    }

    private static OrchestrationStepResult Unchanged(InstanceRecord instance, List<long> consumed) =>
        new() { NewEvents = [], Instance = instance, ConsumedMessageIds = consumed };

    private static OrchestrationStepResult StatusOnly(InstanceRecord instance, List<HistoryEvent> step, OrchestrationRuntimeStatus status, List<long> consumed, DateTimeOffset now) =>
        new()
        {
            NewEvents = step.Count > 1 ? step : [],
            Instance = status == instance.Status && step.Count == 1 ? instance : instance with { Status = status, LastUpdatedAt = now },
            ConsumedMessageIds = consumed,
        };

    private static OrchestrationStepResult Terminate(OrchestrationWorkItem workItem, ExecutionStartedEvent? started, ExecutionTerminatedEvent terminated, DateTimeOffset now, List<long> consumed)
    {
        var instance = workItem.Instance;
        var events = new List<HistoryEvent>
        {
            new OrchestratorStartedEvent { Timestamp = now },
            terminated with { Timestamp = now },
            new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Terminated, terminated.Input) { Timestamp = now },
        };
        var messages = new List<OrchestrationMessage>();
        if (started?.ParentInstance is { } parent)
            messages.Add(OutboundPlan.ToParent(parent, new SubOrchestrationInstanceFailedEvent(parent.TaskScheduledId,
                new TaskFailureDetails("Terminated", $"Sub-orchestration '{instance.InstanceId}' was terminated: {terminated.Input}")) { Timestamp = now }, now));
        return new OrchestrationStepResult
        {
            NewEvents = events,
            Instance = instance with { Status = OrchestrationRuntimeStatus.Terminated, Output = terminated.Input, LastUpdatedAt = now, CompletedAt = now },
            ConsumedMessageIds = consumed,
            Messages = messages,
        };
    }

    // ExecutionStarted follows the first OrchestratorStarted, so it is found within the first events.
    private static ExecutionStartedEvent? FindStarted(IReadOnlyList<HistoryEvent> history)
    {
        for (var i = 0; i < history.Count && i < 3; i++)
            if (history[i] is ExecutionStartedEvent started) return started;
        return null;
    }

    private static HashSet<int> CompletedTaskIds(IReadOnlyList<HistoryEvent> history)
    {
        var ids = new HashSet<int>();
        foreach (var e in history)
            if (e is TaskCompletedEvent or TaskFailedEvent or SubOrchestrationInstanceCompletedEvent or SubOrchestrationInstanceFailedEvent or TimerFiredEvent)
                ids.Add(ResponseTaskId(e));
        return ids;
    }

    private static int ResponseTaskId(HistoryEvent e) => e switch
    {
        TaskCompletedEvent c => c.TaskScheduledId,
        TaskFailedEvent f => f.TaskScheduledId,
        SubOrchestrationInstanceCompletedEvent c => c.TaskScheduledId,
        SubOrchestrationInstanceFailedEvent f => f.TaskScheduledId,
        TimerFiredEvent t => t.TimerId,
        _ => -1,
    };
}
