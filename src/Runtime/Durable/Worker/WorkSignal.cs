namespace Serverless.Runtime.Durable.Worker;

/// <summary>
/// Wakes an idle dispatcher. Signals coalesce: any number of <see cref="Set"/> calls while nobody waits release exactly
/// one later wait, so a signal sent between "found no work" and "start waiting" is never lost.
/// </summary>
internal sealed class WorkSignal(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _waiter;
    private bool _signaled;
    private ITimer? _wakeTimer;
    private DateTimeOffset _wakeAt = DateTimeOffset.MaxValue;

    public void Set()
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            waiter = _waiter;
            _waiter = null;
            if (waiter is null) _signaled = true;
        }
        waiter?.TrySetResult();
    }

    /// <summary>Arranges a <see cref="Set"/> at <paramref name="at"/> (keeps only the earliest pending wake-up).</summary>
    public void SetAt(DateTimeOffset at)
    {
        var now = timeProvider.GetUtcNow();
        if (at <= now)
        {
            Set();
            return;
        }
        lock (_gate)
        {
            // A wake-up that is already due may be firing right now; only a pending earlier one covers this request.
            if (_wakeTimer is not null && _wakeAt <= at && _wakeAt > now) return;
            _wakeTimer?.Dispose();
            _wakeAt = at;
            ITimer? timer = null;
            timer = timeProvider.CreateTimer(_ =>
            {
                lock (_gate)
                {
                    if (ReferenceEquals(_wakeTimer, timer))
                    {
                        _wakeTimer = null;
                        _wakeAt = DateTimeOffset.MaxValue;
                    }
                }
                Set();
            }, null, at - now, Timeout.InfiniteTimeSpan);
            _wakeTimer = timer;
        }
    }

    /// <summary>Returns when signaled, or after <paramref name="maxWait"/> on the provider's clock, or on cancellation.</summary>
    public async Task WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        Task signaled;
        lock (_gate)
        {
            if (_signaled)
            {
                _signaled = false;
                return;
            }
            _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            signaled = _waiter.Task;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(maxWait, timeProvider, timeout.Token);
        await Task.WhenAny(signaled, delay).ConfigureAwait(false);
        timeout.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
