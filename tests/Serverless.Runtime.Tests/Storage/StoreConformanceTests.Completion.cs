using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Tests.Storage;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Complete_appends_events_after_the_existing_history()
    {
        await Store.CreateInstanceAsync(NewInstance("i1"));
        var first = await LockOneAsync();
        HistoryEvent[] step1 = [Started(), Started(first), new TaskScheduledEvent("Act", "1") { EventId = 0, Timestamp = Now }];
        await Store.CompleteOrchestrationWorkItemAsync(first, Step(first, OrchestrationRuntimeStatus.Running, step1));
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Store.SendMessageAsync(Message("i1", new TaskCompletedEvent(0, "2") { Timestamp = Now }));

        var second = await LockOneAsync();
        Assert.Equal(step1, second.History);
        HistoryEvent[] step2 = [Started(), second.Messages[0].Event, new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Completed, "3") { Timestamp = Now }];
        await Store.CompleteOrchestrationWorkItemAsync(second, Step(second, OrchestrationRuntimeStatus.Completed, step2));

        Assert.Equal([.. step1, .. step2], await Store.GetHistoryAsync("i1"));
    }

    [Fact]
    public async Task Complete_with_ReplaceHistory_starts_the_history_over()
    {
        await StartRunningAsync("i1");
        await Store.SendMessageAsync(Raised("i1", "e"));
        var item = await LockOneAsync();
        var newExecution = item.Instance with { ExecutionId = "second", Status = OrchestrationRuntimeStatus.ContinuedAsNew, Input = "\"next\"", LastUpdatedAt = Now };
        var restart = Message("i1", new ExecutionStartedEvent("Orchestration", "second", "\"next\"") { Timestamp = Now }, targetExecutionId: "second");

        await Store.CompleteOrchestrationWorkItemAsync(item, new OrchestrationStepResult
        {
            NewEvents = [],
            ReplaceHistory = true,
            Instance = newExecution,
            ConsumedMessageIds = [item.Messages[0].Id],
            Messages = [restart],
        });

        Assert.Empty(await Store.GetHistoryAsync("i1"));
        var next = await LockOneAsync();
        Assert.Equal(newExecution, next.Instance);
        Assert.Empty(next.History);
        Assert.Equal(restart.Event, Assert.Single(next.Messages).Event);
        HistoryEvent[] fresh = [Started(), restart.Event];
        await Store.CompleteOrchestrationWorkItemAsync(next, Step(next, OrchestrationRuntimeStatus.Running, fresh));
        Assert.Equal(fresh, await Store.GetHistoryAsync("i1"));
    }

    [Fact]
    public async Task Complete_writes_every_field_of_the_instance()
    {
        await Store.CreateInstanceAsync(NewInstance("i1", input: "\"original\""));
        var item = await LockOneAsync();
        Clock.Advance(TimeSpan.FromMinutes(2));
        var failed = item.Instance with
        {
            Status = OrchestrationRuntimeStatus.Failed,
            Output = "\"partial\"",
            CustomStatus = "{\"stage\":3}",
            FailureDetails = new TaskFailureDetails("System.InvalidOperationException", "boom", "at X", new TaskFailureDetails("Inner", "why")),
            LastUpdatedAt = Now,
            CompletedAt = Now,
        };

        await Store.CompleteOrchestrationWorkItemAsync(item, new OrchestrationStepResult
        {
            NewEvents = [Started(), Started(item)],
            Instance = failed,
            ConsumedMessageIds = [item.Messages[0].Id],
        });

        Assert.Equal(failed, await Store.GetInstanceAsync("i1"));
    }

    [Fact]
    public async Task Complete_deletes_only_the_consumed_messages()
    {
        await StartRunningAsync("i1");
        await Store.SendMessageAsync(Raised("i1", "a"));
        await Store.SendMessageAsync(Raised("i1", "b"));
        var item = await LockOneAsync();

        await Store.CompleteOrchestrationWorkItemAsync(item, Step(item, OrchestrationRuntimeStatus.Running) with { ConsumedMessageIds = [item.Messages[0].Id] });

        var again = await LockOneAsync();
        Assert.Equal(item.Messages[1], Assert.Single(again.Messages));
    }

    [Fact]
    public async Task Complete_releases_the_lock_and_messages_that_arrived_meanwhile_are_delivered()
    {
        await Store.CreateInstanceAsync(NewInstance("i1"));
        var item = await LockOneAsync();
        await Store.SendMessageAsync(Raised("i1", "meanwhile"));

        await Store.CompleteOrchestrationWorkItemAsync(item, Step(item, OrchestrationRuntimeStatus.Running, Started(), Started(item)));

        var next = await LockOneAsync();
        Assert.Equal("meanwhile", ((EventRaisedEvent)Assert.Single(next.Messages).Event).Name);
        await Assert.ThrowsAsync<WorkItemLockLostException>(() => Store.CompleteOrchestrationWorkItemAsync(item, Step(item, OrchestrationRuntimeStatus.Running)));
    }

    [Fact]
    public async Task Complete_enqueues_activities()
    {
        await Store.CreateInstanceAsync(NewInstance("i1"));
        var item = await LockOneAsync();
        ActivityMessage[] activities = [Activity(item, 0, "First"), Activity(item, 1, "Second")];

        await Store.CompleteOrchestrationWorkItemAsync(item, Step(item, OrchestrationRuntimeStatus.Running, Started(), Started(item)) with { Activities = activities });

        var locked = await Store.LockActivityWorkItemsAsync(10, LockFor);
        Assert.Equal(activities, locked.Select(a => a.Message with { Id = 0 }));
        Assert.All(locked, a => Assert.True(a.Message.Id > 0));
        Assert.Equal(2, locked.Select(a => a.Message.Id).Distinct().Count());
    }

    [Fact]
    public async Task Complete_enqueues_messages_to_itself_and_to_other_instances_and_drops_those_to_unknown_ones()
    {
        await StartRunningAsync("other");
        await Store.CreateInstanceAsync(NewInstance("i1"));
        var item = await LockOneAsync();
        var fireAt = Now + TimeSpan.FromMinutes(10);
        var timer = Message("i1", new TimerFiredEvent(0, fireAt) { Timestamp = fireAt }, fireAt, "i1-exec");
        var toOther = Raised("other", "hello");
        var toNobody = Raised("nobody", "lost");

        await Store.CompleteOrchestrationWorkItemAsync(item, Step(item, OrchestrationRuntimeStatus.Running, Started(), Started(item)) with
        {
            Messages = [timer, toOther, toNobody],
        });

        var delivered = await LockOneAsync();
        Assert.Equal("other", delivered.Instance.InstanceId);
        Assert.Equal(toOther.Event, Assert.Single(delivered.Messages).Event);
        await Store.CompleteOrchestrationWorkItemAsync(delivered, Step(delivered, OrchestrationRuntimeStatus.Running));
        Assert.Null(await Store.GetInstanceAsync("nobody"));
        Assert.Equal(fireAt, await Store.GetNextMessageVisibleTimeAsync());
        Clock.Advance(TimeSpan.FromMinutes(10));
        var fired = await LockOneAsync();
        var message = Assert.Single(fired.Messages);
        Assert.Equal(timer.Event, message.Event);
        Assert.Equal("i1-exec", message.TargetExecutionId);
        Assert.Equal(fireAt, message.VisibleAt);
    }

    [Fact]
    public async Task Complete_creates_new_instances_and_delivers_OnConflict_when_the_id_is_taken()
    {
        await StartRunningAsync("busy");
        await FinishAsync("finished");
        await Store.CreateInstanceAsync(NewInstance("parent"));
        var item = await LockOneAsync();
        var conflict = Message("parent", new SubOrchestrationInstanceFailedEvent(1, new TaskFailureDetails("Conflict", "busy")) { Timestamp = Now }, targetExecutionId: "parent-exec");
        var child = NewInstance("child", parent: "parent");
        var replacing = NewInstance("finished", parent: "parent");

        await Store.CompleteOrchestrationWorkItemAsync(item, Step(item, OrchestrationRuntimeStatus.Running, Started(), Started(item)) with
        {
            NewInstances = [child, NewInstance("busy", parent: "parent") with { OnConflict = conflict }, replacing],
        });

        Assert.Equal(child.Instance, await Store.GetInstanceAsync("child"));
        Assert.Equal(replacing.Instance, await Store.GetInstanceAsync("finished"));
        Assert.Empty(await Store.GetHistoryAsync("finished"));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await Store.GetInstanceAsync("busy"))!.Status);
        var delivered = (await Store.LockOrchestrationWorkItemsAsync(10, LockFor)).ToDictionary(w => w.Instance.InstanceId);
        Assert.Equal(["child", "finished", "parent"], delivered.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(child.StartMessage.Event, Assert.Single(delivered["child"].Messages).Event);
        Assert.Equal(conflict.Event, Assert.Single(delivered["parent"].Messages).Event);
    }
}
