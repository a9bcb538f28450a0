using Microsoft.Extensions.Logging;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Storage;
using Serverless.Runtime.Storage.InMemory;
using Serverless.Testing.Time;

namespace Serverless.Runtime.Tests.Support;

/// <summary>A running engine on the in-memory store with a test clock; time moves only when the test says so.</summary>
public sealed class EngineHarness : IAsyncDisposable
{
    private EngineHarness(DurableTaskEngine engine, ManualTimeProvider clock, IOrchestrationStore store, CapturingLoggerFactory logs)
    {
        Engine = engine;
        Clock = clock;
        Store = store;
        Logs = logs;
    }

    public DurableTaskEngine Engine { get; }
    public DurableTaskClient Client => Engine.Client;
    public ManualTimeProvider Clock { get; }
    public IOrchestrationStore Store { get; }
    public CapturingLoggerFactory Logs { get; }

    public static async Task<EngineHarness> StartAsync(Action<DurableTaskRegistry> register, Action<DurableTaskEngineOptions>? configure = null, IOrchestrationStore? store = null, ManualTimeProvider? clock = null)
    {
        clock ??= new ManualTimeProvider();
        var options = new DurableTaskEngineOptions { WorkerId = "test-worker" };
        configure?.Invoke(options);
        store ??= new InMemoryOrchestrationStore(clock, options.WorkerId);
        var registry = new DurableTaskRegistry();
        register(registry);
        var logs = new CapturingLoggerFactory();
        var engine = new DurableTaskEngine(store, registry, options, clock, logs);
        await engine.StartAsync();
        return new EngineHarness(engine, clock, store, logs);
    }

    public async Task<OrchestrationMetadata> RunAsync(string name, object? input = null, string? instanceId = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(instanceId));
        return await CompletionAsync(id);
    }

    public Task<OrchestrationMetadata> CompletionAsync(string instanceId) =>
        Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true).WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Polls until the condition holds (the engine works on other threads); fails after a generous deadline.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(5);
        }
    }

    public Task UntilHistoryHas(string instanceId, Func<IReadOnlyList<Serverless.Runtime.Durable.History.HistoryEvent>, bool> condition, string what) =>
        Eventually(async () => condition(await Client.GetOrchestrationHistoryAsync(instanceId)), what);

    /// <summary>Advances the test clock in steps until the instance finishes (retries and timers come due on the way).</summary>
    public async Task<OrchestrationMetadata> AdvanceUntilCompleteAsync(string instanceId, TimeSpan step, int maxSteps = 1000)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            var instance = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (instance is { IsCompleted: true }) return instance;
            Clock.Advance(step);
            await Task.Delay(1);
        }
        throw new TimeoutException($"Instance {instanceId} did not complete within {maxSteps} steps of {step}.");
    }

    public async ValueTask DisposeAsync() => await Engine.DisposeAsync();
}

/// <summary>Keeps every log line so tests can check what was (and was not) logged.</summary>
public sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return [.. _lines]; }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) { }

    public void Dispose() { }

    private sealed class Logger(CapturingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._lines) owner._lines.Add($"{logLevel} {category}: {formatter(state, exception)}");
        }
    }
}
