using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Tests.Storage;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Lock_returns_the_instance_its_history_and_visible_messages_in_id_order()
    {
        var first = await StartRunningAsync("i1");
        await Store.SendMessageAsync(Raised("i1", "a"));
        await Store.SendMessageAsync(Raised("i1", "b"));
        await Store.SendMessageAsync(Raised("i1", "c"));

        var item = await LockOneAsync();

        Assert.Equal(OrchestrationRuntimeStatus.Running, item.Instance.Status);
        Assert.Equal([typeof(OrchestratorStartedEvent), typeof(ExecutionStartedEvent)], item.History.Select(e => e.GetType()));
        Assert.Equal(["a", "b", "c"], item.Messages.Select(m => ((EventRaisedEvent)m.Event).Name));
        Assert.Equal(item.Messages.Select(m => m.Id).Order(), item.Messages.Select(m => m.Id));
        Assert.Equal(3, item.Messages.Select(m => m.Id).Distinct().Count());
        Assert.StartsWith("worker-a:", item.LockToken, StringComparison.Ordinal);
        Assert.NotEqual(first.LockToken, item.LockToken);
        Assert.Equal(Now + LockFor, item.LockedUntil);
    }

    [Fact]
    public async Task Lock_takes_at_most_maxCount_instances()
    {
        await CreateAsync("a", "b", "c", "d", "e");

        Assert.Equal(2, (await Store.LockOrchestrationWorkItemsAsync(2, LockFor)).Count);
        Assert.Equal(3, (await Store.LockOrchestrationWorkItemsAsync(10, LockFor)).Count);
        await AssertNoOrchestrationWorkAsync();
    }

    [Fact]
    public async Task A_message_is_invisible_until_its_VisibleAt_passes()
    {
        await StartRunningAsync("i1");
        var fireAt = Now + TimeSpan.FromMinutes(5);
        await Store.SendMessageAsync(Message("i1", new TimerFiredEvent(1, fireAt) { Timestamp = fireAt }, fireAt));

        await AssertNoOrchestrationWorkAsync();
        Assert.Equal(fireAt, await Store.GetNextMessageVisibleTimeAsync());
        Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1));
        await AssertNoOrchestrationWorkAsync();
        Clock.Advance(TimeSpan.FromMilliseconds(1));

        var item = await LockOneAsync();
        Assert.IsType<TimerFiredEvent>(Assert.Single(item.Messages).Event);
        Assert.Null(await Store.GetNextMessageVisibleTimeAsync());
    }

    [Fact]
    public async Task Only_visible_messages_are_delivered_with_the_instance()
    {
        await StartRunningAsync("i1");
        await Store.SendMessageAsync(Raised("i1", "later", Now + TimeSpan.FromMinutes(1)));
        await Store.SendMessageAsync(Raised("i1", "now"));

        var item = await LockOneAsync();

        Assert.Equal("now", ((EventRaisedEvent)Assert.Single(item.Messages).Event).Name);
        Assert.Equal(Now + TimeSpan.FromMinutes(1), await Store.GetNextMessageVisibleTimeAsync());
    }

    [Fact]
    public async Task Next_visible_time_is_the_earliest_future_message_or_null()
    {
        Assert.Null(await Store.GetNextMessageVisibleTimeAsync());
        await StartRunningAsync("i1");
        await StartRunningAsync("i2");
        await Store.SendMessageAsync(Raised("i1", "x", Now + TimeSpan.FromMinutes(9)));
        await Store.SendMessageAsync(Raised("i2", "y", Now + TimeSpan.FromMinutes(3)));
        await Store.SendMessageAsync(Raised("i2", "z"));

        Assert.Equal(Now + TimeSpan.FromMinutes(3), await Store.GetNextMessageVisibleTimeAsync());
    }

    [Fact]
    public async Task A_pending_instance_is_not_delivered_until_its_start_message_is_visible()
    {
        var startAt = Now + TimeSpan.FromHours(1);
        await Store.CreateInstanceAsync(NewInstance("i1", startAt: startAt));
        await Store.SendMessageAsync(Raised("i1", "early"));

        await AssertNoOrchestrationWorkAsync();
        Assert.Equal(startAt, await Store.GetNextMessageVisibleTimeAsync());
        Clock.Advance(TimeSpan.FromHours(1));

        var item = await LockOneAsync();
        Assert.Equal([EventType.ExecutionStarted, EventType.EventRaised], item.Messages.Select(m => m.Event.EventType));
    }

    [Fact]
    public async Task A_pending_instance_scheduled_for_later_can_be_terminated_before_it_starts()
    {
        await Store.CreateInstanceAsync(NewInstance("i1", startAt: Now + TimeSpan.FromHours(1)));
        await Store.SendMessageAsync(Raised("i1", "early"));
        await AssertNoOrchestrationWorkAsync();

        await Store.SendMessageAsync(Message("i1", new ExecutionTerminatedEvent("not needed") { Timestamp = Now }));

        var item = await LockOneAsync();
        Assert.Equal([EventType.EventRaised, EventType.ExecutionTerminated], item.Messages.Select(m => m.Event.EventType));
    }

    [Fact]
    public async Task A_suspended_instance_gets_only_resume_and_terminate_messages()
    {
        await Store.CreateInstanceAsync(NewInstance("i1"));
        var start = await LockOneAsync();
        await Store.CompleteOrchestrationWorkItemAsync(start, Step(start, OrchestrationRuntimeStatus.Suspended, Started(), Started(start)));
        await Store.SendMessageAsync(Raised("i1", "held"));
        await Store.SendMessageAsync(Message("i1", new ExecutionSuspendedEvent("again") { Timestamp = Now }));

        await AssertNoOrchestrationWorkAsync();

        await Store.SendMessageAsync(Message("i1", new ExecutionResumedEvent("go") { Timestamp = Now }));
        await Store.SendMessageAsync(Message("i1", new ExecutionTerminatedEvent("stop") { Timestamp = Now }));
        var resumed = await LockOneAsync();
        Assert.Equal([EventType.ExecutionResumed, EventType.ExecutionTerminated], resumed.Messages.Select(m => m.Event.EventType));
        var resume = resumed.Messages[0];
        await Store.CompleteOrchestrationWorkItemAsync(resumed, Step(resumed, OrchestrationRuntimeStatus.Running) with { ConsumedMessageIds = [resume.Id] });

        var running = await LockOneAsync();
        Assert.Equal([EventType.EventRaised, EventType.ExecutionSuspended, EventType.ExecutionTerminated], running.Messages.Select(m => m.Event.EventType));
    }

    [Fact]
    public async Task A_locked_instance_is_not_delivered_again()
    {
        await Store.CreateInstanceAsync(NewInstance("i1"));
        await LockOneAsync();
        await Store.SendMessageAsync(Raised("i1", "while-locked"));
        var other = await OpenSecondWorker();

        await AssertNoOrchestrationWorkAsync();
        await AssertNoOrchestrationWorkAsync(other);
    }

    [Fact]
    public async Task An_expired_lock_is_taken_by_another_worker_and_the_old_token_can_no_longer_complete()
    {
        await Store.CreateInstanceAsync(NewInstance("i1"));
        var stale = await LockOneAsync();
        var other = await OpenSecondWorker();
        Clock.Advance(LockFor);

        var fresh = await LockOneAsync(other);
        Assert.StartsWith("worker-b:", fresh.LockToken, StringComparison.Ordinal);
        Assert.Equal(stale.Messages, fresh.Messages);

        await Assert.ThrowsAsync<WorkItemLockLostException>(() => Store.CompleteOrchestrationWorkItemAsync(stale,
            Step(stale, OrchestrationRuntimeStatus.Running, Started(), Started(stale)) with { Activities = [Activity(stale, 0)] }));
        await Assert.ThrowsAsync<WorkItemLockLostException>(() => Store.RenewOrchestrationWorkItemAsync(stale, LockFor));
        Assert.Empty(await Store.GetHistoryAsync("i1"));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await Store.GetInstanceAsync("i1"))!.Status);
        Assert.Empty(await Store.LockActivityWorkItemsAsync(10, LockFor));

        await other.CompleteOrchestrationWorkItemAsync(fresh, Step(fresh, OrchestrationRuntimeStatus.Running, Started(), Started(fresh)));
        Assert.Equal(2, (await Store.GetHistoryAsync("i1")).Count);
    }

    [Fact]
    public async Task A_stale_token_cannot_abandon_the_new_holders_lock()
    {
        await Store.CreateInstanceAsync(NewInstance("i1"));
        var stale = await LockOneAsync();
        var other = await OpenSecondWorker();
        Clock.Advance(LockFor);
        var fresh = await LockOneAsync(other);

        await Store.AbandonOrchestrationWorkItemAsync(stale);

        await AssertNoOrchestrationWorkAsync();
        await other.CompleteOrchestrationWorkItemAsync(fresh, Step(fresh, OrchestrationRuntimeStatus.Running, Started(), Started(fresh)));
    }

    [Fact]
    public async Task Renew_extends_the_lock()
    {
        await Store.CreateInstanceAsync(NewInstance("i1"));
        var item = await LockOneAsync();
        var other = await OpenSecondWorker();
        Clock.Advance(TimeSpan.FromSeconds(20));

        var until = await Store.RenewOrchestrationWorkItemAsync(item, LockFor);

        Assert.Equal(Now + LockFor, until);
        Clock.Advance(TimeSpan.FromSeconds(20));
        await AssertNoOrchestrationWorkAsync(other);
        await Store.CompleteOrchestrationWorkItemAsync(item, Step(item, OrchestrationRuntimeStatus.Running, Started(), Started(item)));
    }

    [Fact]
    public async Task Abandon_releases_the_lock_so_the_messages_are_delivered_again()
    {
        await Store.CreateInstanceAsync(NewInstance("i1"));
        var item = await LockOneAsync();

        await Store.AbandonOrchestrationWorkItemAsync(item);

        var again = await LockOneAsync();
        Assert.Equal(item.Messages, again.Messages);
        Assert.NotEqual(item.LockToken, again.LockToken);
        await Assert.ThrowsAsync<WorkItemLockLostException>(() =>
            Store.CompleteOrchestrationWorkItemAsync(item, Step(item, OrchestrationRuntimeStatus.Running)));
    }

    [Fact]
    public async Task ReleaseOwnLocks_frees_only_this_workers_locks()
    {
        await CreateAsync("mine", "theirs");
        var mine = await Store.LockOrchestrationWorkItemsAsync(1, LockFor);
        var other = await OpenSecondWorker();
        var theirs = await other.LockOrchestrationWorkItemsAsync(1, LockFor);
        var id = Assert.Single(mine).Instance.InstanceId;
        Assert.NotEqual(id, Assert.Single(theirs).Instance.InstanceId);
        await Store.CompleteOrchestrationWorkItemAsync(mine[0], Step(mine[0], OrchestrationRuntimeStatus.Running, Started(), Started(mine[0])) with
        {
            Activities = [Activity(mine[0], 0)],
        });
        await Store.SendMessageAsync(Raised(id, "e"));
        Assert.Equal(id, (await LockOneAsync()).Instance.InstanceId);
        var myActivity = await LockOneActivityAsync();

        await Store.ReleaseOwnLocksAsync();

        Assert.Equal(id, (await LockOneAsync(other)).Instance.InstanceId);
        Assert.Equal(myActivity.Message.Id, (await LockOneActivityAsync(other)).Message.Id);
        await other.CompleteOrchestrationWorkItemAsync(theirs[0], Step(theirs[0], OrchestrationRuntimeStatus.Running, Started(), Started(theirs[0])));
    }

    [Fact]
    public async Task ReleaseOwnLocks_leaves_other_workers_locks_held()
    {
        await CreateAsync("theirs");
        var other = await OpenSecondWorker();
        var theirs = await LockOneAsync(other);

        await Store.ReleaseOwnLocksAsync();

        await AssertNoOrchestrationWorkAsync();
        await other.CompleteOrchestrationWorkItemAsync(theirs, Step(theirs, OrchestrationRuntimeStatus.Running, Started(), Started(theirs)));
    }
}
