using System.Diagnostics;
using Serverless.Runtime.CrashHost;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Storage.Sqlite;

namespace Serverless.Runtime.Tests.Durable;

/// <summary>
/// Starts a real host process on a SQLite file, kills it with SIGKILL in the middle of an orchestration (several
/// times, at different points), restarts it, and checks the orchestration still completes correctly with no step
/// recorded twice.
/// </summary>
public sealed class CrashRecoveryTests(Xunit.Abstractions.ITestOutputHelper log) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crash-recovery-").FullName;
    private string DbPath => Path.Combine(_directory, "durable.db");
    private string MarkerPath => DbPath + ".steps";

    [Fact]
    public async Task An_orchestration_survives_repeated_SIGKILLs_and_completes_with_every_step_recorded_once()
    {
        // Each round lets the host get this many activity runs further, holds the last one (its lease taken), and
        // kills the process there: early in the chain, inside the fan-out, around the timer, the sub-orchestration.
        foreach (var further in new[] { 2, 9, 6, 5, 6, 4 })
        {
            var holdAt = MarkerLines() + further;
            using var host = StartHost("worker-a", lockSeconds: 5, holdAt);
            await WaitUntilAsync(() => MarkerLines() >= holdAt || host.HasExited, $"{holdAt} activity runs");
            if (host.HasExited) Assert.Fail($"the host exited before the kill at {holdAt} runs: {await host.StandardOutput.ReadToEndAsync()}");
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            log.WriteLine($"killed worker-a holding activity run {holdAt}");
        }

        // Another worker id: it cannot use the dead host's lock on the held activity until that lease expires.
        var beforeOther = MarkerLines();
        using (var other = StartHost("worker-b", lockSeconds: 5, holdAt: beforeOther + 3))
        {
            await WaitUntilAsync(() => MarkerLines() >= beforeOther + 3 || other.HasExited, "worker-b to make progress");
            if (!other.HasExited) other.Kill(entireProcessTree: true);
            await other.WaitForExitAsync();
            log.WriteLine($"killed worker-b at {MarkerLines()} activity runs");
        }

        using var final = StartHost("worker-a", lockSeconds: 5);
        var output = await final.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(2));
        await final.WaitForExitAsync();

        Assert.Contains($"DONE Completed {CrashWorkflow.ExpectedOutput}", output);
        await using var store = new SqliteOrchestrationStore(new SqliteStoreOptions { DataSource = DbPath }, TimeProvider.System, "inspector");
        await store.InitializeAsync();
        var history = await store.GetHistoryAsync(CrashWorkflow.InstanceId);
        AssertEachStepRecordedOnce(history);
        Assert.Equal(CrashWorkflow.Steps + 10 + 1 + 1, history.Count(e => e is TaskScheduledEvent or TimerCreatedEvent or SubOrchestrationInstanceCreatedEvent));
        var runs = File.ReadAllLines(MarkerPath);
        Assert.True(runs.Length > runs.Distinct().Count(), "killed activities are run again after the restart (at-least-once)");
    }

    private static void AssertEachStepRecordedOnce(IReadOnlyList<HistoryEvent> history)
    {
        Assert.Single(history.OfType<ExecutionStartedEvent>());
        Assert.Single(history.OfType<ExecutionCompletedEvent>());
        var scheduled = history.Where(e => e is TaskScheduledEvent or TimerCreatedEvent or SubOrchestrationInstanceCreatedEvent).Select(e => e.EventId).ToList();
        Assert.Equal(scheduled.Count, scheduled.Distinct().Count());
        var completions = history.Select(e => e switch
        {
            TaskCompletedEvent c => c.TaskScheduledId,
            TaskFailedEvent f => f.TaskScheduledId,
            TimerFiredEvent t => t.TimerId,
            SubOrchestrationInstanceCompletedEvent s => s.TaskScheduledId,
            _ => (int?)null,
        }).OfType<int>().ToList();
        Assert.Equal(completions.Count, completions.Distinct().Count());
        Assert.Equal(scheduled.Order(), completions.Order());
        Assert.Empty(history.OfType<TaskFailedEvent>());
    }

    private Process StartHost(string workerId, int lockSeconds, int holdAt = 0)
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, "Serverless.Runtime.CrashHost.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { hostDll, DbPath, workerId, lockSeconds.ToString(), holdAt.ToString() }) start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the crash host.");
    }

    private int MarkerLines() => File.Exists(MarkerPath) ? File.ReadAllLines(MarkerPath).Length : 0;

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(5);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
