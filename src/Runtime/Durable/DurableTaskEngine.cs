using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Runtime.Durable.Worker;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Durable;

/// <summary>
/// The durable engine in one process: an orchestration dispatcher and an activity dispatcher over a store, and the
/// client that starts and steers instances. Several engines (in several processes) may share one store.
/// </summary>
public sealed class DurableTaskEngine : IAsyncDisposable
{
    private readonly IOrchestrationStore _store;
    private readonly DurableTaskRegistry _registry;
    private readonly DurableTaskEngineOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly IServiceProvider? _services;
    private readonly DataConverter _converter;
    private readonly EngineSignals _signals;
    private CancellationTokenSource? _stopping;
    private Task? _running;

    public DurableTaskEngine(
        IOrchestrationStore store,
        DurableTaskRegistry registry,
        DurableTaskEngineOptions? options = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        IServiceProvider? services = null)
    {
        _options = options ?? new DurableTaskEngineOptions();
        var errors = _options.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid durable engine settings: " + string.Join(" ", errors), nameof(options));
        _store = store;
        _registry = registry;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _services = services;
        _converter = new DataConverter(_options.SerializerOptions, _options.MaxPayloadBytes);
        _signals = new EngineSignals(_timeProvider);
        Client = new StoreDurableTaskClient(store, registry, _converter, _signals, _options, _timeProvider);
    }

    public DurableTaskClient Client { get; }

    public IOrchestrationStore Store => _store;

    /// <summary>Prepares the store, takes back the locks this worker id held before a crash, and starts dispatching.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_running is not null) throw new InvalidOperationException("The engine is already running.");
        await _store.InitializeAsync(cancellationToken);
        await _store.ReleaseOwnLocksAsync(cancellationToken);
        _stopping = new CancellationTokenSource();
        var logger = _loggerFactory.CreateLogger("Serverless.Runtime.Durable");
        var orchestrations = new OrchestrationWorker(_store, new OrchestrationStepProcessor(_registry, _services, _converter, _loggerFactory), _signals, _options, _timeProvider, logger);
        var activities = new ActivityWorker(_store, _registry, _services, _converter, _signals, _options, _timeProvider, logger, _stopping.Token);
        var orchestrationDispatcher = new WorkDispatcher<OrchestrationWorkItem>("orchestrations", _options.MaxConcurrentOrchestratorFunctions,
            orchestrations.LockAsync, orchestrations.ProcessAsync, orchestrations.BeforeIdleWaitAsync, _signals.Orchestrations, _options.MaxPollingInterval, logger);
        var activityDispatcher = new WorkDispatcher<ActivityWorkItem>("activities", _options.MaxConcurrentActivityFunctions,
            activities.LockAsync, activities.ProcessAsync, _ => Task.CompletedTask, _signals.Activities, _options.MaxPollingInterval, logger);
        _running = Task.WhenAll(
            Task.Run(() => orchestrationDispatcher.RunAsync(_stopping.Token), CancellationToken.None),
            Task.Run(() => activityDispatcher.RunAsync(_stopping.Token), CancellationToken.None));
    }

    /// <summary>Stops fetching work and waits for the steps and activities in flight.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_running is null || _stopping is null) return;
        await _stopping.CancelAsync();
        await _running.WaitAsync(cancellationToken);
        _running = null;
        _stopping.Dispose();
        _stopping = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _store.DisposeAsync();
    }
}
