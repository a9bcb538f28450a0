using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Hosting.Timers;
using Serverless.Runtime.Storage.InMemory;
using Serverless.Runtime.Tests.Support;
using Serverless.Testing.Time;

namespace Serverless.Runtime.Tests.Hosting.Timers;

/// <summary>A timer function as a test declares it.</summary>
public sealed record TestTimer(string Name, string Schedule, bool RunOnStartup = false, bool UseMonitor = true, Func<TimerInfo, Task>? Body = null);

/// <summary>One invocation of a timer function, with the test clock's time when it ran.</summary>
public sealed record Firing(string Function, TimerInfo Info, DateTime At, string Host);

/// <summary>
/// Hosts timer functions on the durable engine over an in-memory store with a test clock. A "host" is an engine plus
/// the timer start-up routine; it can be stopped and started again (with other timer declarations) on the same store,
/// and several hosts may share the store, as processes sharing a database would.
/// </summary>
public sealed class TimerHarness : IAsyncDisposable
{
    private readonly InMemoryOrchestrationStore _store;
    private readonly List<DurableTaskEngine> _engines = [];
    private readonly ConcurrentQueue<Firing> _firings = new();

    private TimerHarness(DateTimeOffset start)
    {
        Clock = new ManualTimeProvider(start);
        _store = new InMemoryOrchestrationStore(Clock, "host-0");
    }

    public ManualTimeProvider Clock { get; }
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;
    public IReadOnlyList<Firing> Firings => [.. _firings];
    public DurableTaskClient Client => _engines.Count > 0 ? _engines[^1].Client : throw new InvalidOperationException("No host has started.");
    public CapturingLoggerFactory Logs { get; } = new();

    /// <summary>A store and a clock, no host yet.</summary>
    public static TimerHarness Create(DateTime startUtc) => new(new DateTimeOffset(startUtc, TimeSpan.Zero));

    public static async Task<TimerHarness> StartAsync(DateTime startUtc, params TestTimer[] timers)
    {
        var harness = Create(startUtc);
        await harness.StartHostAsync(timers);
        return harness;
    }

    public static DateTime Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    /// <summary>Starts another host on the shared store; returns its index.</summary>
    public async Task<int> StartHostAsync(TestTimer[] timers, IConfiguration? configuration = null, bool startEngineFirst = true)
    {
        var index = _engines.Count;
        var hostName = $"host-{index}";
        var set = TimerTriggerSet.Create(timers.Select(t => Registration(t, hostName)), configuration);
        var store = index == 0 ? _store : _store.ForWorker(hostName);
        var engine = new DurableTaskEngine(store, new DurableTaskRegistry().AddTimerTriggers(set),
            new DurableTaskEngineOptions { WorkerId = hostName }, Clock, Logs);
        _engines.Add(engine);
        var starter = new TimerTriggerStarter(engine.Client, set, Clock, Logs);
        if (startEngineFirst) await engine.StartAsync();
        await starter.EnsureTimersRunningAsync();
        if (!startEngineFirst) await engine.StartAsync();
        return index;
    }

    /// <summary>Stops every running host (the store and its timers stay).</summary>
    public async Task StopHostsAsync()
    {
        foreach (var engine in _engines) await engine.StopAsync();
    }

    /// <summary>Stops the hosts, then starts one again on the same store.</summary>
    public async Task RestartAsync(params TestTimer[] timers)
    {
        await StopHostsAsync();
        await StartHostAsync(timers);
    }

    public void AdvanceTo(DateTime utc) => Clock.Advance(utc - Now);

    public Task UntilFiringsAsync(int count) =>
        EngineHarness.Eventually(() => Task.FromResult(_firings.Count >= count), $"{count} timer invocations (have {_firings.Count})");

    /// <summary>Waits until the function's orchestration has armed its durable timer for <paramref name="dueUtc"/>.</summary>
    public Task UntilArmedAsync(string function, DateTime dueUtc) =>
        EngineHarness.Eventually(async () =>
        {
            var history = await Client.GetOrchestrationHistoryAsync(TimerTriggerDefaults.InstanceIdFor(function));
            return history.OfType<TimerCreatedEvent>().Any(t => t.FireAt == new DateTimeOffset(dueUtc));
        }, $"{function}'s timer is armed for {dueUtc:O}");

    public async ValueTask DisposeAsync()
    {
        await StopHostsAsync();
        await _store.DisposeAsync();
    }

    private TimerTriggerRegistration Registration(TestTimer timer, string hostName) =>
        new(timer.Name, timer.Schedule, timer.RunOnStartup, timer.UseMonitor, async (info, _, _) =>
        {
            _firings.Enqueue(new Firing(timer.Name, info, Now, hostName));
            if (timer.Body is not null) await timer.Body(info);
        });
}
