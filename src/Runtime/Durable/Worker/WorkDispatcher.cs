using Microsoft.Extensions.Logging;

namespace Serverless.Runtime.Durable.Worker;

/// <summary>
/// The fetch loop shared by the orchestration and activity dispatchers: locks as many work items as there are free
/// slots, runs each on the thread pool, wakes at once on a local signal, and backs off towards the polling interval
/// when idle. A failing iteration is logged and retried; it never stops the loop.
/// </summary>
internal sealed class WorkDispatcher<TItem>(
    string name,
    int maxConcurrency,
    Func<int, CancellationToken, Task<IReadOnlyList<TItem>>> lockWork,
    Func<TItem, Task> process,
    Func<CancellationToken, Task> beforeIdleWait,
    WorkSignal signal,
    TimeSpan maxPollingInterval,
    ILogger logger)
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(10);
    private readonly SemaphoreSlim _slots = new(maxConcurrency, maxConcurrency);

    public async Task RunAsync(CancellationToken stopping)
    {
        var idleWait = MinPollingInterval;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _slots.WaitAsync(stopping).ConfigureAwait(false);
                var free = 1;
                while (free < maxConcurrency && _slots.Wait(0)) free++;
                IReadOnlyList<TItem> items;
                try
                {
                    items = await lockWork(free, stopping).ConfigureAwait(false);
                }
                catch
                {
                    _slots.Release(free);
                    throw;
                }
                if (free > items.Count) _slots.Release(free - items.Count);
                if (items.Count == 0)
                {
                    await beforeIdleWait(stopping).ConfigureAwait(false);
                    await signal.WaitAsync(idleWait, stopping).ConfigureAwait(false);
                    idleWait = TimeSpan.FromTicks(Math.Min(idleWait.Ticks * 2, maxPollingInterval.Ticks));
                    continue;
                }
                idleWait = MinPollingInterval;
                foreach (var item in items) _ = RunOneAsync(item);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.FetchFailed(name, ex);
                try
                {
                    await signal.WaitAsync(maxPollingInterval, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        for (var i = 0; i < maxConcurrency; i++) await _slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task RunOneAsync(TItem item)
    {
        try
        {
            await Task.Yield();
            await process(item).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }
}
