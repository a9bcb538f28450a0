using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Tests.Storage;

public abstract partial class StoreConformanceTests
{
    private HistoryEvent[] OneOfEachEvent()
    {
        var t = Now + TimeSpan.FromTicks(1234567);
        var failure = new TaskFailureDetails("System.TimeoutException", "slow \"quoted\" ü", "at A\nat B", new TaskFailureDetails("Inner", "cause"));
        return
        [
            new OrchestratorStartedEvent { Timestamp = t },
            new ExecutionStartedEvent("Orch", "exec-1", "{\"a\":1}", new ParentInstanceInfo("Parent", "p-1", "p-exec", 7)) { Timestamp = t },
            new TaskScheduledEvent("Act", "[1,2]") { EventId = 0, Timestamp = t },
            new TaskCompletedEvent(0, "\"r\"") { Timestamp = t },
            new TaskScheduledEvent("Act", null) { EventId = 1, Timestamp = t },
            new TaskFailedEvent(1, failure) { Timestamp = t },
            new SubOrchestrationInstanceCreatedEvent("Child", "c-1", "null") { EventId = 2, Timestamp = t },
            new SubOrchestrationInstanceCompletedEvent(2, "42") { Timestamp = t },
            new SubOrchestrationInstanceCreatedEvent("Child", "c-2", null) { EventId = 3, Timestamp = t },
            new SubOrchestrationInstanceFailedEvent(3, failure) { Timestamp = t },
            new TimerCreatedEvent(t + TimeSpan.FromDays(3)) { EventId = 4, Timestamp = t },
            new TimerFiredEvent(4, t + TimeSpan.FromDays(3)) { Timestamp = t + TimeSpan.FromDays(3) },
            new EventSentEvent("other", "Ping", "\"p\"") { EventId = 5, Timestamp = t },
            new EventRaisedEvent("Approve", "true") { Timestamp = t },
            new ExecutionSuspendedEvent("hold") { Timestamp = t },
            new ExecutionResumedEvent(null) { Timestamp = t },
            new ContinueAsNewEvent("\"carry\"") { Timestamp = t },
            new ExecutionTerminatedEvent("\"why\"") { Timestamp = t },
            new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Failed, null, failure) { Timestamp = t },
            new OrchestratorCompletedEvent { Timestamp = t },
        ];
    }

    [Fact]
    public void The_round_trip_sample_covers_every_event_type()
    {
        Assert.Equal(Enum.GetValues<EventType>(), OneOfEachEvent().Select(e => e.EventType).Distinct().Order());
    }

    [Fact]
    public async Task History_round_trips_every_event_type_with_all_fields()
    {
        await Store.CreateInstanceAsync(NewInstance("i1"));
        var item = await LockOneAsync();
        var events = OneOfEachEvent();

        await Store.CompleteOrchestrationWorkItemAsync(item, Step(item, OrchestrationRuntimeStatus.Running, events));

        Assert.Equal(events, await Store.GetHistoryAsync("i1"));
        await Store.SendMessageAsync(Raised("i1", "next"));
        Assert.Equal(events, (await LockOneAsync()).History);
    }

    [Fact]
    public async Task Every_message_event_type_round_trips_through_the_inbox()
    {
        await StartRunningAsync("i1");
        var messageEvents = OneOfEachEvent().Where(e => e.EventType is EventType.TaskCompleted or EventType.TaskFailed or EventType.TimerFired
            or EventType.EventRaised or EventType.SubOrchestrationInstanceCompleted or EventType.SubOrchestrationInstanceFailed
            or EventType.ExecutionTerminated or EventType.ExecutionSuspended or EventType.ExecutionResumed or EventType.ExecutionStarted).ToList();
        foreach (var e in messageEvents) await Store.SendMessageAsync(Message("i1", e, targetExecutionId: "exec-x"));

        var item = await LockOneAsync();

        Assert.Equal(messageEvents, item.Messages.Select(m => m.Event));
        Assert.All(item.Messages, m => Assert.Equal("exec-x", m.TargetExecutionId));
        Assert.All(item.Messages, m => Assert.Equal("i1", m.InstanceId));
    }
}
