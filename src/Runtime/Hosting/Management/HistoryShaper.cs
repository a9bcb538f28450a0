using System.Text.Json.Nodes;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Hosting.Management;

/// <summary>
/// Turns an execution's history into the <c>historyEvents</c> Durable Functions shows: PascalCase rows with
/// <c>EventType</c> and <c>Timestamp</c>; OrchestratorStarted/Completed left out; each TaskScheduled folded into its
/// TaskCompleted/TaskFailed row (<c>FunctionName</c>, <c>ScheduledTime</c>, <c>Input</c>), and each
/// SubOrchestrationInstanceCreated into its Completed/Failed row; results only with <c>showHistoryOutput</c>,
/// inputs only with <c>showInput</c>.
/// </summary>
internal static class HistoryShaper
{
    public static JsonArray Shape(IReadOnlyList<HistoryEvent> history, bool showHistoryOutput, bool showInput)
    {
        var answered = new HashSet<(EventType, int)>();
        var scheduled = new Dictionary<int, TaskScheduledEvent>();
        var created = new Dictionary<int, SubOrchestrationInstanceCreatedEvent>();
        foreach (var e in history)
        {
            switch (e)
            {
                case TaskScheduledEvent s: scheduled[s.EventId] = s; break;
                case SubOrchestrationInstanceCreatedEvent c: created[c.EventId] = c; break;
                case TaskCompletedEvent or TaskFailedEvent: answered.Add((EventType.TaskScheduled, TaskId(e))); break;
                case SubOrchestrationInstanceCompletedEvent or SubOrchestrationInstanceFailedEvent: answered.Add((EventType.SubOrchestrationInstanceCreated, TaskId(e))); break;
            }
        }

        var rows = new JsonArray();
        foreach (var e in history)
        {
            if (e is OrchestratorStartedEvent or OrchestratorCompletedEvent) continue;
            if (e is TaskScheduledEvent or SubOrchestrationInstanceCreatedEvent && answered.Contains((e.EventType, e.EventId))) continue;
            var row = new JsonObject { ["EventType"] = e.EventType.ToString() };
            Describe(row, e, scheduled, created, showHistoryOutput, showInput);
            row["Timestamp"] = JsonPayloads.HistoryTime(e.Timestamp);
            rows.Add(row);
        }
        return rows;
    }

    private static void Describe(JsonObject row, HistoryEvent e, Dictionary<int, TaskScheduledEvent> scheduled,
        Dictionary<int, SubOrchestrationInstanceCreatedEvent> created, bool showOutput, bool showInput)
    {
        switch (e)
        {
            case ExecutionStartedEvent started:
                row["FunctionName"] = started.Name;
                break;
            case ExecutionCompletedEvent completed:
                row["OrchestrationStatus"] = completed.OrchestrationStatus.ToString();
                if (showOutput) row["Result"] = JsonPayloads.Parse(completed.Result);
                AddFailure(row, completed.FailureDetails);
                break;
            case ContinueAsNewEvent continued:
                if (showOutput) row["Result"] = JsonPayloads.Parse(continued.Result);
                break;
            case ExecutionSuspendedEvent suspended:
                row["Reason"] = suspended.Reason;
                break;
            case ExecutionResumedEvent resumed:
                row["Reason"] = resumed.Reason;
                break;
            case TaskScheduledEvent pending:
                row["Name"] = pending.Name;
                if (showInput) row["Input"] = JsonPayloads.Parse(pending.Input);
                break;
            case TaskCompletedEvent done:
                AddScheduled(row, scheduled.GetValueOrDefault(done.TaskScheduledId), showInput);
                if (showOutput) row["Result"] = JsonPayloads.Parse(done.Result);
                break;
            case TaskFailedEvent failed:
                AddScheduled(row, scheduled.GetValueOrDefault(failed.TaskScheduledId), showInput);
                AddFailure(row, failed.FailureDetails);
                break;
            case SubOrchestrationInstanceCreatedEvent pending:
                row["Name"] = pending.Name;
                row["InstanceId"] = pending.InstanceId;
                if (showInput) row["Input"] = JsonPayloads.Parse(pending.Input);
                break;
            case SubOrchestrationInstanceCompletedEvent done:
                AddCreated(row, created.GetValueOrDefault(done.TaskScheduledId), showInput);
                if (showOutput) row["Result"] = JsonPayloads.Parse(done.Result);
                break;
            case SubOrchestrationInstanceFailedEvent failed:
                AddCreated(row, created.GetValueOrDefault(failed.TaskScheduledId), showInput);
                AddFailure(row, failed.FailureDetails);
                break;
            case TimerCreatedEvent timer:
                row["FireAt"] = JsonPayloads.HistoryTime(timer.FireAt);
                break;
            case TimerFiredEvent fired:
                row["FireAt"] = JsonPayloads.HistoryTime(fired.FireAt);
                break;
            case EventRaisedEvent raised:
                row["Name"] = raised.Name;
                if (showInput) row["Input"] = JsonPayloads.Parse(raised.Input);
                break;
            case EventSentEvent sent:
                row["Name"] = sent.Name;
                row["InstanceId"] = sent.InstanceId;
                if (showInput) row["Input"] = JsonPayloads.Parse(sent.Input);
                break;
        }
    }

    private static void AddScheduled(JsonObject row, TaskScheduledEvent? scheduled, bool showInput)
    {
        if (scheduled is null) return;
        row["FunctionName"] = scheduled.Name;
        row["ScheduledTime"] = JsonPayloads.HistoryTime(scheduled.Timestamp);
        if (showInput) row["Input"] = JsonPayloads.Parse(scheduled.Input);
    }

    private static void AddCreated(JsonObject row, SubOrchestrationInstanceCreatedEvent? created, bool showInput)
    {
        if (created is null) return;
        row["FunctionName"] = created.Name;
        row["InstanceId"] = created.InstanceId;
        row["ScheduledTime"] = JsonPayloads.HistoryTime(created.Timestamp);
        if (showInput) row["Input"] = JsonPayloads.Parse(created.Input);
    }

    private static void AddFailure(JsonObject row, TaskFailureDetails? failure)
    {
        if (failure is null) return;
        row["Reason"] = failure.ErrorMessage;
        row["FailureDetails"] = Failure(failure);
    }

    private static JsonObject Failure(TaskFailureDetails failure) => new()
    {
        ["ErrorType"] = failure.ErrorType,
        ["ErrorMessage"] = failure.ErrorMessage,
        ["StackTrace"] = failure.StackTrace,
        ["InnerFailure"] = failure.InnerFailure is { } inner ? Failure(inner) : null,
    };

    private static int TaskId(HistoryEvent e) => e switch
    {
        TaskCompletedEvent c => c.TaskScheduledId,
        TaskFailedEvent f => f.TaskScheduledId,
        SubOrchestrationInstanceCompletedEvent c => c.TaskScheduledId,
        SubOrchestrationInstanceFailedEvent f => f.TaskScheduledId,
        _ => -1,
    };
}
