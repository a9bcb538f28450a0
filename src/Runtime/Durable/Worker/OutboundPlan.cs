using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Durable.Replay;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Durable.Worker;

/// <summary>Turns a replay's outcome into the history to append and the messages, activities and instances to send.</summary>
internal static class OutboundPlan
{
    public static OrchestrationStepResult Build(
        OrchestrationWorkItem workItem,
        ExecutionStartedEvent started,
        List<HistoryEvent> step,
        ReplayOutcome outcome,
        List<long> consumed,
        DateTimeOffset now,
        DataConverter converter)
    {
        var instance = workItem.Instance;
        var executionId = instance.ExecutionId;
        var activities = new List<ActivityMessage>();
        var messages = new List<OrchestrationMessage>();
        var newInstances = new List<NewInstance>();

        foreach (var action in outcome.NewActions)
        {
            step.Add(action.ToHistoryEvent(now));
            switch (action.Kind)
            {
                case ActionKind.CallActivity:
                    activities.Add(new ActivityMessage { InstanceId = instance.InstanceId, ExecutionId = executionId, TaskScheduledId = action.Id, Name = action.Name, Input = action.Input });
                    break;
                case ActionKind.CreateTimer:
                    messages.Add(new OrchestrationMessage
                    {
                        InstanceId = instance.InstanceId,
                        TargetExecutionId = executionId,
                        Event = new TimerFiredEvent(action.Id, action.FireAt) { Timestamp = action.FireAt },
                        VisibleAt = action.FireAt,
                    });
                    break;
                case ActionKind.SendEvent:
                    messages.Add(new OrchestrationMessage { InstanceId = action.TargetInstanceId!, Event = new EventRaisedEvent(action.Name, action.Input) { Timestamp = now }, VisibleAt = now });
                    break;
                case ActionKind.CallSubOrchestrator:
                    newInstances.Add(SubOrchestration(instance, started.Name, action, now));
                    break;
            }
        }

        var next = instance with
        {
            Status = instance.Status is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.ContinuedAsNew ? OrchestrationRuntimeStatus.Running : instance.Status,
            CustomStatus = outcome.CustomStatus,
            LastUpdatedAt = now,
        };

        if (outcome.ContinueAsNew is { } continueAsNew)
        {
            var newExecutionId = Guid.NewGuid().ToString("N");
            messages.Add(new OrchestrationMessage
            {
                InstanceId = instance.InstanceId,
                TargetExecutionId = newExecutionId,
                Event = new ExecutionStartedEvent(started.Name, newExecutionId, continueAsNew.Input, started.ParentInstance) { Timestamp = now },
                VisibleAt = now,
            });
            messages.AddRange(outcome.UnprocessedEvents.Select(e => new OrchestrationMessage
            {
                InstanceId = instance.InstanceId,
                Event = new EventRaisedEvent(e.Name, e.Input) { Timestamp = now },
                VisibleAt = now,
            }));
            return new OrchestrationStepResult
            {
                NewEvents = [],
                ReplaceHistory = true,
                Instance = next with { ExecutionId = newExecutionId, Status = OrchestrationRuntimeStatus.ContinuedAsNew, Input = continueAsNew.Input, Output = null, FailureDetails = null },
                ConsumedMessageIds = consumed,
                Messages = messages,
            };
        }

        if (outcome.FinalStatus is { } final)
        {
            step.Add(new ExecutionCompletedEvent(final, outcome.Output, outcome.Failure) { Timestamp = now });
            next = next with { Status = final, Output = outcome.Output, FailureDetails = outcome.Failure, CompletedAt = now };
            if (started.ParentInstance is { } parent)
            {
                HistoryEvent result = final == OrchestrationRuntimeStatus.Completed
                    ? new SubOrchestrationInstanceCompletedEvent(parent.TaskScheduledId, outcome.Output) { Timestamp = now }
                    : new SubOrchestrationInstanceFailedEvent(parent.TaskScheduledId, outcome.Failure!) { Timestamp = now };
                messages.Add(ToParent(parent, result, now));
            }
        }

        return new OrchestrationStepResult
        {
            NewEvents = step,
            Instance = next,
            ConsumedMessageIds = consumed,
            Activities = activities,
            Messages = messages,
            NewInstances = newInstances,
        };
    }

    public static OrchestrationMessage ToParent(ParentInstanceInfo parent, HistoryEvent result, DateTimeOffset now) =>
        new() { InstanceId = parent.InstanceId, TargetExecutionId = parent.ExecutionId, Event = result, VisibleAt = now };

    private static NewInstance SubOrchestration(InstanceRecord parent, string parentName, OrchestratorAction action, DateTimeOffset now)
    {
        var childId = action.TargetInstanceId!;
        var executionId = Guid.NewGuid().ToString("N");
        var parentInfo = new ParentInstanceInfo(parentName, parent.InstanceId, parent.ExecutionId, action.Id);
        return new NewInstance(
            new InstanceRecord
            {
                InstanceId = childId,
                ExecutionId = executionId,
                Name = action.Name,
                Status = OrchestrationRuntimeStatus.Pending,
                Input = action.Input,
                CreatedAt = now,
                LastUpdatedAt = now,
                ParentInstanceId = parent.InstanceId,
            },
            new OrchestrationMessage
            {
                InstanceId = childId,
                TargetExecutionId = executionId,
                Event = new ExecutionStartedEvent(action.Name, executionId, action.Input, parentInfo) { Timestamp = now },
                VisibleAt = now,
            })
        {
            OnConflict = ToParent(new ParentInstanceInfo(parentName, parent.InstanceId, parent.ExecutionId, action.Id),
                new SubOrchestrationInstanceFailedEvent(action.Id, new TaskFailureDetails("InstanceAlreadyExists",
                    $"Cannot start sub-orchestration '{action.Name}' with instance id '{childId}': an instance with that id is still running.")) { Timestamp = now },
                now),
        };
    }
}
