namespace Serverless.Runtime.Durable.Replay;

/// <summary>
/// Runs orchestrator continuations on the replaying thread, one at a time and in order, so a replay does exactly the
/// same thing every time. The replayer drains the queue after each history event.
/// </summary>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();

    public override void Post(SendOrPostCallback d, object? state) => _queue.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    public void Drain()
    {
        while (_queue.TryDequeue(out var work)) work.Callback(work.State);
    }
}
