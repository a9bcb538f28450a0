using System.Collections.Concurrent;

namespace Serverless.Core.Tests.Integrations.GitHub.Support;

/// <summary>A fixed clock whose timers fire at once and remember how long they were asked to wait, so retry tests never sleep.</summary>
public sealed class ImmediateTimeProvider(DateTimeOffset now) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public ImmediateTimeProvider() : this(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)) { }

    public IReadOnlyList<TimeSpan> Delays => _delays.ToArray();

    public override DateTimeOffset GetUtcNow() => now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _delays.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }
        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
