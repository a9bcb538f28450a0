namespace Serverless.Runtime.Durable.Replay;

/// <summary>External events: delivered to the oldest waiter of that name, or buffered until someone waits.</summary>
internal sealed partial class ReplayOrchestrationContext
{
    private readonly Dictionary<string, LinkedList<IEventWaiter>> _eventWaiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Name, string? Input)> _bufferedEvents = [];

    /// <summary>Events that arrived but nobody has waited for, in arrival order (carried over by ContinueAsNew).</summary>
    internal IReadOnlyList<(string Name, string? Input)> UnprocessedEvents => _bufferedEvents;

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var bufferedIndex = _bufferedEvents.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        var waiter = new EventWaiter<T>(converter);
        if (bufferedIndex >= 0)
        {
            var buffered = _bufferedEvents[bufferedIndex];
            _bufferedEvents.RemoveAt(bufferedIndex);
            waiter.Deliver(buffered.Input);
            return waiter.Task;
        }
        if (!_eventWaiters.TryGetValue(eventName, out var waiters))
            _eventWaiters[eventName] = waiters = new LinkedList<IEventWaiter>();
        var node = waiters.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
            cancellationToken.Register(() =>
            {
                if (node.List is null) return;
                waiters.Remove(node);
                waiter.Cancel();
            });
        return waiter.Task;
    }

    internal void BufferUnprocessedEvent(string eventName, string? serializedInput) => _bufferedEvents.Add((eventName, serializedInput));

    internal void RaiseEvent(string eventName, string? serializedInput)
    {
        if (_eventWaiters.TryGetValue(eventName, out var waiters) && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            first.Value.Deliver(serializedInput);
            return;
        }
        _bufferedEvents.Add((eventName, serializedInput));
    }

    private interface IEventWaiter
    {
        void Deliver(string? serializedInput);
    }

    private sealed class EventWaiter<T>(DataConverter converter) : IEventWaiter
    {
        private readonly TaskCompletionSource<T> _completion = new();

        public Task<T> Task => _completion.Task;

        public void Deliver(string? serializedInput)
        {
            try
            {
                _completion.TrySetResult(converter.Deserialize<T>(serializedInput)!);
            }
            catch (Exception ex)
            {
                _completion.TrySetException(ex);
            }
        }

        public void Cancel() => _completion.TrySetCanceled();
    }
}
