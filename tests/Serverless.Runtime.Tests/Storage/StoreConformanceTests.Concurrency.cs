using System.Collections.Concurrent;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Tests.Storage;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Parallel_completions_on_different_instances_all_land()
    {
        const int count = 100;
        for (var i = 0; i < count; i++) await Store.CreateInstanceAsync(NewInstance($"p{i}"));
        var items = await Store.LockOrchestrationWorkItemsAsync(count, LockFor);
        Assert.Equal(count, items.Count);

        await Task.WhenAll(items.Select(item => Task.Run(() => Store.CompleteOrchestrationWorkItemAsync(item,
            Step(item, OrchestrationRuntimeStatus.Running, Started(), Started(item)) with { Activities = [Activity(item, 0)] }))));

        var activities = await Store.LockActivityWorkItemsAsync(count * 2, LockFor);
        Assert.Equal(count, activities.Count);
        await Task.WhenAll(activities.Select(a => Task.Run(() => Store.CompleteActivityWorkItemAsync(a, ActivityResult(a)))));
        var steps = await Store.LockOrchestrationWorkItemsAsync(count * 2, LockFor);
        Assert.Equal(count, steps.Count);
        Assert.All(steps, s => Assert.Equal(2, s.History.Count));
        Assert.All(steps, s => Assert.IsType<TaskCompletedEvent>(Assert.Single(s.Messages).Event));
    }

    [Fact]
    public async Task History_written_by_another_worker_is_seen_on_the_next_lock()
    {
        var other = await OpenSecondWorker();
        await StartRunningAsync("i1");
        await Store.SendMessageAsync(Raised("i1", "for-b"));
        var byOther = await LockOneAsync(other);
        HistoryEvent[] fromOther = [Started(), byOther.Messages[0].Event];
        await other.CompleteOrchestrationWorkItemAsync(byOther, Step(byOther, OrchestrationRuntimeStatus.Running, fromOther));
        await Store.SendMessageAsync(Raised("i1", "for-a"));

        var mine = await LockOneAsync();

        Assert.Equal(4, mine.History.Count);
        Assert.Equal(fromOther, mine.History.Skip(2));
        await Store.CompleteOrchestrationWorkItemAsync(mine, Step(mine, OrchestrationRuntimeStatus.Running, Started()));
        await other.SendMessageAsync(Raised("i1", "again"));
        Assert.Equal(5, (await LockOneAsync(other)).History.Count);
    }

    [Fact]
    public async Task A_failed_completion_does_not_disturb_others_committed_with_it()
    {
        await CreateAsync("good", "stale");
        var items = (await Store.LockOrchestrationWorkItemsAsync(2, LockFor)).ToDictionary(i => i.Instance.InstanceId);
        var other = await OpenSecondWorker();
        await Store.AbandonOrchestrationWorkItemAsync(items["stale"]);
        var taken = await LockOneAsync(other);

        var results = await Task.WhenAll(
            Attempt(Store.CompleteOrchestrationWorkItemAsync(items["good"], Step(items["good"], OrchestrationRuntimeStatus.Running, Started(), Started(items["good"])))),
            Attempt(Store.CompleteOrchestrationWorkItemAsync(items["stale"], Step(items["stale"], OrchestrationRuntimeStatus.Completed, Started(), Started(items["stale"])))));

        Assert.Null(results[0]);
        Assert.IsType<WorkItemLockLostException>(results[1]);
        Assert.Equal(2, (await Store.GetHistoryAsync("good")).Count);
        Assert.Empty(await Store.GetHistoryAsync("stale"));
        Assert.Equal("stale", taken.Instance.InstanceId);
    }

    private static async Task<Exception?> Attempt(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task Two_workers_sharing_the_data_complete_each_instance_exactly_once()
    {
        const int count = 200;
        var other = await OpenSecondWorker();
        for (var i = 0; i < count; i++) await Store.CreateInstanceAsync(NewInstance($"w{i}"));
        var finished = new ConcurrentDictionary<string, string>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        async Task Work(IOrchestrationStore store, string name)
        {
            while (finished.Count < count)
            {
                deadline.Token.ThrowIfCancellationRequested();
                var items = await store.LockOrchestrationWorkItemsAsync(16, LockFor);
                var activities = await store.LockActivityWorkItemsAsync(16, LockFor);
                await Task.WhenAll(items.Select(async item =>
                {
                    var done = item.Messages.Any(m => m.Event is TaskCompletedEvent);
                    var step = done
                        ? Step(item, OrchestrationRuntimeStatus.Completed, [Started(), .. item.Messages.Select(m => m.Event), new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Completed, $"\"{name}\"")])
                        : Step(item, OrchestrationRuntimeStatus.Running, Started(), Started(item)) with { Activities = [Activity(item, 0)] };
                    await store.CompleteOrchestrationWorkItemAsync(item, step);
                    if (done) Assert.True(finished.TryAdd(item.Instance.InstanceId, name), $"{item.Instance.InstanceId} finished twice");
                }).Concat(activities.Select(a => store.CompleteActivityWorkItemAsync(a, ActivityResult(a)))));
                if (items.Count == 0 && activities.Count == 0) await Task.Yield();
            }
        }

        await Task.WhenAll(Task.Run(() => Work(Store, "a")), Task.Run(() => Work(other, "b")));

        Assert.Equal(count, finished.Count);
        for (var i = 0; i < count; i++)
        {
            var history = await Store.GetHistoryAsync($"w{i}");
            Assert.Equal(1, history.Count(e => e is TaskCompletedEvent));
            var completed = Assert.Single(history.OfType<ExecutionCompletedEvent>());
            Assert.Equal($"\"{finished[$"w{i}"]}\"", completed.Result);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await Store.GetInstanceAsync($"w{i}"))!.Status);
        }
        await AssertNoOrchestrationWorkAsync();
        Assert.Empty(await Store.LockActivityWorkItemsAsync(10, LockFor));
    }
}
