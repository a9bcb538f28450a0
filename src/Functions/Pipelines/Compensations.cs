using Serverless.Runtime.Durable;

namespace Serverless.Functions.Pipelines;

/// <summary>
/// The undo of every step that changed the world, recorded as it happens and run in reverse when a later step fails.
/// Undo steps are activities, so they are durable and replay-safe like the rest of the orchestration.
/// </summary>
public sealed class Compensations
{
    private readonly Stack<(string Description, Func<Task> Undo)> _steps = new();

    public int Count => _steps.Count;

    public void Record(string description, Func<Task> undo) => _steps.Push((description, undo));

    /// <summary>Runs every undo, newest first; a failing undo is reported and the rest still run.</summary>
    public async Task<IReadOnlyList<string>> RunAsync()
    {
        var failures = new List<string>();
        while (_steps.TryPop(out var step))
        {
            try
            {
                await step.Undo();
            }
            catch (TaskFailedException ex)
            {
                failures.Add($"{step.Description}: {ex.FailureDetails.ErrorMessage}");
            }
        }
        return failures;
    }
}
