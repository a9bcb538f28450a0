using System.Collections.Concurrent;

namespace Serverless.Runtime.Durable.Worker;

/// <summary>In-process notifications that let dispatchers and waiting clients react at once to local writes.</summary>
internal sealed class EngineSignals(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _instanceWatchers = new();

    public WorkSignal Orchestrations { get; } = new(timeProvider);
    public WorkSignal Activities { get; } = new(timeProvider);

    /// <summary>A task that completes the next time <paramref name="instanceId"/> changes state in this process.</summary>
    public Task NextChangeOf(string instanceId) =>
        _instanceWatchers.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void InstanceChanged(string instanceId)
    {
        if (!_instanceWatchers.IsEmpty && _instanceWatchers.TryRemove(instanceId, out var watcher)) watcher.TrySetResult();
    }
}
