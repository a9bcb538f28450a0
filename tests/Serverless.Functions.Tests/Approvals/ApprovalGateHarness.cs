using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Core.Gates;
using Serverless.Core.Pipelines;
using Serverless.Functions.Approvals;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Storage.InMemory;
using Serverless.Testing.Time;

namespace Serverless.Functions.Tests.Approvals;

/// <summary>The approval gate orchestrator on the engine over the in-memory store, with a test clock and captured reminders.</summary>
public sealed class ApprovalGateHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    public const string RunId = "run-42";
    public const string Environment = "production";

    private readonly DurableTaskEngine _engine;
    private readonly ConcurrentQueue<ApprovalReminder> _reminders = new();

    private ApprovalGateHarness()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<ApprovalGateState>(nameof(ApprovalGateOrchestrator), context => new ApprovalGateOrchestrator().Run(context))
            .AddOrchestratorFunc<ApprovalGateState>(RunStandIn, context => context.CallSubOrchestratorAsync<ApprovalGateState>(
                nameof(ApprovalGateOrchestrator), context.GetInput<ApprovalGateInput>(), TaskOptions.WithInstanceId(InstanceId)))
            .AddActivityFunc<string, string?>(nameof(EndedRuns.RunEnded), (_, runId) => EndedRuns.ReasonAsync(Client, runId))
            .AddActivityFunc<ApprovalReminder, bool>(nameof(ApprovalActivities.RemindApprovers), (_, reminder) =>
            {
                _reminders.Enqueue(reminder);
                return true;
            });
        _engine = new DurableTaskEngine(new InMemoryOrchestrationStore(Clock, "test-worker"), registry,
            new DurableTaskEngineOptions { WorkerId = "test-worker" }, Clock, NullLoggerFactory.Instance);
    }

    public ManualTimeProvider Clock { get; } = new(Start);
    public DurableTaskClient Client => _engine.Client;
    public IReadOnlyList<ApprovalReminder> Reminders => [.. _reminders];
    public static string InstanceId => ApprovalGates.InstanceIdFor(RunId, Environment);

    public static ApprovalPolicy Policy(int required = 2, TimeSpan? remind = null) => new()
    {
        Required = required, Timeout = TimeSpan.FromHours(4), Approvers = ["team:release", "erin"], Remind = remind,
    };

    /// <summary>The run's place: an orchestration named like a run that opens the gate as its sub-orchestration, as the pipeline does.</summary>
    private const string RunStandIn = "PipelineRunStandIn";

    /// <summary>Opens a gate for run-42 on production, pushed by dave, and waits until it is waiting for decisions.</summary>
    /// <param name="checksRun">False opens the gate as a version before the run check did.</param>
    public static async Task<ApprovalGateHarness> OpenAsync(ApprovalPolicy policy, bool checksRun = true)
    {
        var harness = new ApprovalGateHarness();
        await harness._engine.StartAsync();
        await harness.Client.ScheduleNewOrchestrationInstanceAsync(RunStandIn,
            new ApprovalGateInput(RunId, "acme/shop", "abcdef1234567", Environment, "dave", policy, "release=alice,bob;ops=carol") { ChecksRunBeforeReminding = checksRun },
            new StartOrchestrationOptions(RunId));
        await Eventually(async () => await harness.Client.GetInstanceAsync(InstanceId) is not null, "the run opens its gate");
        await harness.UntilTimersAsync(1);
        return harness;
    }

    public Task DecideAsync(string approver, ApprovalChoice choice, string? comment = null) =>
        Client.RaiseEventAsync(InstanceId, ApprovalGates.DecisionEvent, new ApprovalEvent(approver, choice, comment));

    public async Task<ApprovalGateStatus> UntilStatusAsync(Func<ApprovalGateStatus, bool> condition)
    {
        ApprovalGateStatus? status = null;
        await Eventually(async () =>
        {
            status = (await Client.GetInstanceAsync(InstanceId))?.ReadCustomStatusAs<ApprovalGateStatus>();
            return status is not null && condition(status);
        }, "the gate's status matches");
        return status!;
    }

    /// <summary>Waits until the gate has armed <paramref name="count"/> durable timers in all, so advancing the clock fires the latest.</summary>
    public Task UntilTimersAsync(int count) =>
        Eventually(async () => (await Client.GetOrchestrationHistoryAsync(InstanceId)).OfType<TimerCreatedEvent>().Count() >= count, $"{count} timers armed");

    public async Task<ApprovalGateState> CompletionAsync()
    {
        var instance = await Client.WaitForInstanceCompletionAsync(InstanceId, getInputsAndOutputs: true).WaitAsync(TimeSpan.FromSeconds(30));
        return instance.ReadOutputAs<ApprovalGateState>()!;
    }

    public async ValueTask DisposeAsync() => await _engine.DisposeAsync();

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Yield();
        }
    }
}
