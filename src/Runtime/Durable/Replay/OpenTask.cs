namespace Serverless.Runtime.Durable.Replay;

/// <summary>A task the orchestrator awaits, completed when history says how it ended.</summary>
internal interface IOpenTask
{
    void Complete(string? serializedResult);
    void Fail(TaskFailureDetails failure);
    void Cancel();
}

// Continuations must not run asynchronously: they are posted to the orchestration's synchronization context.
internal sealed class OpenTask<T>(string name, int id, DataConverter converter) : IOpenTask
{
    private readonly TaskCompletionSource<T> _completion = new();

    public Task<T> Task => _completion.Task;

    public void Complete(string? serializedResult)
    {
        T? value;
        try
        {
            value = converter.Deserialize<T>(serializedResult);
        }
        catch (Exception ex)
        {
            _completion.TrySetException(new TaskFailedException(name, id, TaskFailureDetails.FromException(ex)));
            return;
        }
        _completion.TrySetResult(value!);
    }

    public void Fail(TaskFailureDetails failure) => _completion.TrySetException(new TaskFailedException(name, id, failure));

    public void Cancel() => _completion.TrySetCanceled();
}
