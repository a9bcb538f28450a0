using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Tests.Storage;

public abstract partial class StoreConformanceTests
{
    private async Task ScheduleActivitiesAsync(string instanceId, int count = 1)
    {
        await Store.CreateInstanceAsync(NewInstance(instanceId));
        var item = await LockOneAsync();
        await Store.CompleteOrchestrationWorkItemAsync(item, Step(item, OrchestrationRuntimeStatus.Running, Started(), Started(item)) with
        {
            Activities = [.. Enumerable.Range(0, count).Select(i => Activity(item, i))],
        });
    }

    [Fact]
    public async Task Completing_an_activity_removes_the_request_and_delivers_its_result()
    {
        await ScheduleActivitiesAsync("i1");
        var activity = await LockOneActivityAsync();
        Assert.Equal(1, activity.DequeueCount);
        Assert.Equal(Now + LockFor, activity.LockedUntil);
        Assert.StartsWith("worker-a:", activity.LockToken, StringComparison.Ordinal);
        var result = ActivityResult(activity);

        await Store.CompleteActivityWorkItemAsync(activity, result);

        var item = await LockOneAsync();
        var message = Assert.Single(item.Messages);
        Assert.Equal(result.Event, message.Event);
        Assert.Equal("i1-exec", message.TargetExecutionId);
        Clock.Advance(LockFor * 2);
        Assert.Empty(await Store.LockActivityWorkItemsAsync(10, LockFor));
    }

    [Fact]
    public async Task A_locked_activity_is_not_handed_out_again_until_its_lock_expires()
    {
        await ScheduleActivitiesAsync("i1", count: 3);
        var other = await OpenSecondWorker();

        Assert.Equal(2, (await Store.LockActivityWorkItemsAsync(2, LockFor)).Count);
        Assert.Single(await other.LockActivityWorkItemsAsync(10, LockFor));
        Assert.Empty(await Store.LockActivityWorkItemsAsync(10, LockFor));
        Clock.Advance(LockFor);
        Assert.Equal(3, (await other.LockActivityWorkItemsAsync(10, LockFor)).Count);
    }

    [Fact]
    public async Task An_activity_whose_lock_expired_yields_exactly_one_result()
    {
        await ScheduleActivitiesAsync("i1");
        var stale = await LockOneActivityAsync();
        var other = await OpenSecondWorker();
        Clock.Advance(LockFor + TimeSpan.FromSeconds(1));
        var fresh = await LockOneActivityAsync(other);
        Assert.Equal(2, fresh.DequeueCount);
        Assert.Equal(stale.Message, fresh.Message);

        await Assert.ThrowsAsync<WorkItemLockLostException>(() => Store.CompleteActivityWorkItemAsync(stale, ActivityResult(stale, "\"stale\"")));
        await Assert.ThrowsAsync<WorkItemLockLostException>(() => Store.RenewActivityWorkItemAsync(stale, LockFor));
        await AssertNoOrchestrationWorkAsync();
        await other.CompleteActivityWorkItemAsync(fresh, ActivityResult(fresh, "\"fresh\""));
        await Assert.ThrowsAsync<WorkItemLockLostException>(() => other.CompleteActivityWorkItemAsync(fresh, ActivityResult(fresh, "\"again\"")));
        await Assert.ThrowsAsync<WorkItemLockLostException>(() => Store.CompleteActivityWorkItemAsync(stale, ActivityResult(stale, "\"stale\"")));

        var item = await LockOneAsync();
        Assert.Equal("\"fresh\"", ((TaskCompletedEvent)Assert.Single(item.Messages).Event).Result);
    }

    [Fact]
    public async Task Abandoning_an_activity_hands_it_out_again_with_a_higher_dequeue_count()
    {
        await ScheduleActivitiesAsync("i1");
        var first = await LockOneActivityAsync();

        await Store.AbandonActivityWorkItemAsync(first);

        var second = await LockOneActivityAsync();
        Assert.Equal(first.Message, second.Message);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.LockToken, second.LockToken);
        await Store.AbandonActivityWorkItemAsync(first);
        Assert.Empty(await Store.LockActivityWorkItemsAsync(10, LockFor));
    }

    [Fact]
    public async Task Renewing_an_activity_extends_its_lock()
    {
        await ScheduleActivitiesAsync("i1");
        var activity = await LockOneActivityAsync();
        var other = await OpenSecondWorker();
        Clock.Advance(TimeSpan.FromSeconds(25));

        Assert.Equal(Now + LockFor, await Store.RenewActivityWorkItemAsync(activity, LockFor));

        Clock.Advance(TimeSpan.FromSeconds(25));
        Assert.Empty(await other.LockActivityWorkItemsAsync(10, LockFor));
        await Store.CompleteActivityWorkItemAsync(activity, ActivityResult(activity));
    }

    [Fact]
    public async Task An_activity_failure_is_delivered_as_its_result()
    {
        await ScheduleActivitiesAsync("i1");
        var activity = await LockOneActivityAsync();
        var failure = new TaskFailedEvent(activity.Message.TaskScheduledId, new TaskFailureDetails("E", "bad", "trace")) { Timestamp = Now };

        await Store.CompleteActivityWorkItemAsync(activity, ActivityResult(activity) with { Event = failure });

        Assert.Equal(failure, Assert.Single((await LockOneAsync()).Messages).Event);
    }
}
