namespace Serverless.Runtime.Durable.Worker;

/// <summary>Renews a work item's lock every half lock-duration until disposed, or until the lock is lost.</summary>
internal sealed class LeaseRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LeaseRenewal(TimeSpan lockDuration, TimeProvider timeProvider, Func<CancellationToken, Task> renew)
    {
        _loop = RunAsync(lockDuration / 2, timeProvider, renew, _stop.Token);
    }

    private static async Task RunAsync(TimeSpan interval, TimeProvider timeProvider, Func<CancellationToken, Task> renew, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, timeProvider, stop).ConfigureAwait(false);
                try
                {
                    await renew(stop).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not (OperationCanceledException or Storage.WorkItemLockLostException))
                {
                    // A transient store error: the lease may still be renewed at the next tick, before it expires.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Storage.WorkItemLockLostException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
