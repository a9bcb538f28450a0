using Serverless.Functions.Runs;
using Serverless.Runtime.Durable;

namespace Serverless.Functions.Pipelines;

/// <summary>
/// Keeps the run's stages and publishes them as the orchestration's custom status after every change. Times come
/// from the orchestration context, so replays publish the same thing.
/// </summary>
public sealed class RunProgress(TaskOrchestrationContext context)
{
    private readonly List<StageRecord> _stages = [];
    private RunStatus _status = new() { Stage = "queued" };

    public RunStatus Status => _status;

    /// <param name="logName">The log the step writes while it runs, so clients can follow it before the step ends.</param>
    public void Begin(string name, string group, string? logName = null)
    {
        _stages.RemoveAll(s => s.Name == name);
        _stages.Add(new StageRecord { Name = name, Group = group, State = StageState.Running, StartedAt = context.CurrentUtcDateTime, LogName = logName });
        Publish(_status with { Stage = name });
    }

    public void End(string name, bool succeeded, string? detail = null, string? logName = null)
    {
        var index = _stages.FindIndex(s => s.Name == name);
        if (index < 0) return;
        _stages[index] = _stages[index] with
        {
            State = succeeded ? StageState.Succeeded : StageState.Failed,
            CompletedAt = context.CurrentUtcDateTime,
            Detail = detail,
            LogName = logName ?? _stages[index].LogName,
        };
        Publish(_status);
    }

    public void Update(Func<RunStatus, RunStatus> change) => Publish(change(_status));

    private void Publish(RunStatus status)
    {
        _status = status with { Stages = [.. _stages] };
        context.SetCustomStatus(_status);
    }
}
