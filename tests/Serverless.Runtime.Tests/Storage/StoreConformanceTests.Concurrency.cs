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
