namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>One caller's write, run by the writer inside a shared transaction and its own savepoint.</summary>
internal abstract class WriteRequest
{
    /// <summary>Runs the write; throwing rolls back this request alone.</summary>
    public abstract void Execute(WriteOperations operations);

    /// <summary>Called once the transaction holding the write has committed.</summary>
    public abstract void Succeed();

    public abstract void Fail(Exception exception);

    public abstract bool IsCanceled { get; }

    /// <summary>False for lease-only writes, which may be committed without waiting for an fsync.</summary>
    public abstract bool Durable { get; }
}

internal sealed class WriteRequest<T>(Func<WriteOperations, T> operation, bool durable, CancellationToken cancellationToken) : WriteRequest
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;

    public Task<T> Task => _completion.Task;

    public override bool IsCanceled => cancellationToken.IsCancellationRequested;

    public override bool Durable => durable;

    public override void Execute(WriteOperations operations) => _result = operation(operations);

    public override void Succeed() => _completion.TrySetResult(_result);

    public override void Fail(Exception exception)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested) _completion.TrySetCanceled(cancellationToken);
        else _completion.TrySetException(exception);
    }
}
