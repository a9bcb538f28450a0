using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Core.Artifacts;
using Serverless.Core.Integrations.Local.Routing;

namespace Serverless.Core.Integrations.Local.Target;

/// <summary>
/// The embedded deployment target. Each environment has a stable public port on 127.0.0.1 served by a
/// <see cref="TrafficRouter"/>; each deployed version runs as a child process on an internal port. A new version
/// goes live only once healthy; the one before keeps running for rollback; older ones are stopped and their
/// release folders deleted. What runs is saved in <c>state.json</c>, so <see cref="RestoreAsync"/> brings it all
/// back when the host starts again, after a clean stop or a crash. Deployments to one environment and service
/// are serialised; different services deploy in parallel.
/// </summary>
public sealed partial class LocalTarget : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, int> _ports;
    private readonly TimeSpan _healthPollInterval;
    private readonly TimeSpan _stopGracePeriod;
    private readonly IReadOnlyList<string> _inheritedEnvironment;
    private readonly TrafficRouterOptions _routerOptions;
    private readonly IArtifactStore _artifacts;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly HttpClient _probeClient = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
    private readonly StateFile _stateFile;
    private readonly ReleaseFolders _releases;
    private readonly ConcurrentDictionary<(string Environment, string Service), ServiceSlots> _services = new();
    private readonly Dictionary<string, TrafficRouter> _routers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _routersGate = new(1, 1);
    private readonly Lock _saveGate = new();
    private int _restored;
    private int _disposed;

    public LocalTarget(LocalTargetOptions options, IArtifactStore artifacts, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(artifacts);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid local target settings: " + string.Join(" ", errors), nameof(options));
        }

        var dataDirectory = Directory.CreateDirectory(Path.GetFullPath(options.DataDirectory)).FullName;
        _ports = options.Ports.ToDictionary(pair => pair.Key.ToLowerInvariant(), pair => pair.Value, StringComparer.Ordinal);
        _healthPollInterval = options.HealthPollInterval;
        _stopGracePeriod = options.StopGracePeriod;
        _inheritedEnvironment = [.. options.InheritedEnvironment ?? [.. LocalTargetOptions.DefaultInheritedEnvironment]];
        _routerOptions = new TrafficRouterOptions { RequestLogCapacity = options.Router.RequestLogCapacity, ProxyTimeout = options.Router.ProxyTimeout };
        _artifacts = artifacts;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<LocalTarget>();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _stateFile = new StateFile(Path.Combine(dataDirectory, "state.json"));
        _releases = new ReleaseFolders(Path.Combine(dataDirectory, "releases"));
    }

    /// <summary>The public port of <paramref name="environment"/>: the bound one once its router runs, else the configured one.</summary>
    public int GetPublicPort(string environment)
    {
        var name = EnvironmentName(environment, nameof(environment));
        lock (_routers)
        {
            return _routers.TryGetValue(name, out var router) ? router.Port : _ports[name];
        }
    }

    public TargetState GetState()
    {
        var environments = _ports.Keys
            .Concat(_services.Keys.Select(key => key.Environment))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(environment => new EnvironmentState(
                environment,
                GetPublicPort(environment),
                _services.Values
                    .Where(slots => slots.Environment == environment && slots.All.Any())
                    .OrderBy(slots => slots.Service, StringComparer.Ordinal)
                    .Select(slots => slots.ToState())
                    .ToList()))
            .ToList();
        return new TargetState(environments);
    }

    /// <summary>Traffic of a service (or one of its running versions) through the environment's router since <paramref name="since"/>.</summary>
    public TrafficStats GetTrafficStats(string environment, string service, DateTimeOffset since, string? version = null)
    {
        var name = EnvironmentName(environment, nameof(environment));
        TrafficRouter? router;
        lock (_routers)
        {
            _routers.TryGetValue(name, out router);
        }

        if (router is null)
        {
            return TrafficStats.Empty;
        }

        if (version is null)
        {
            return router.Stats(since, service);
        }

        var instance = _services.TryGetValue((name, service), out var slots) ? slots.All.FirstOrDefault(i => i.Version == version) : null;
        return instance is null ? TrafficStats.Empty : router.Stats(since, service, instance.Port);
    }

    /// <summary>Stops every version this object started and closes the public ports; state.json stays for <see cref="RestoreAsync"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        List<TrafficRouter> routers;
        lock (_routers)
        {
            routers = [.. _routers.Values];
            _routers.Clear();
        }

        foreach (var router in routers)
        {
            await router.DisposeAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_services.Values.SelectMany(slots => slots.All).Select(instance => instance.StopAsync(_stopGracePeriod, _timeProvider))).ConfigureAwait(false);
        _probeClient.Dispose();
    }

    private ServiceSlots Slots(string environment, string service) =>
        _services.GetOrAdd((environment, service), key => new ServiceSlots(key.Environment, key.Service));

    private async Task<TrafficRouter> EnsureRouterAsync(string environment, CancellationToken cancellationToken)
    {
        await _routersGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_routers)
            {
                if (_routers.TryGetValue(environment, out var existing))
                {
                    return existing;
                }
            }

            var router = new TrafficRouter(environment, _ports[environment], _routerOptions, _loggerFactory.CreateLogger<TrafficRouter>(), _timeProvider);
            await router.StartAsync(cancellationToken).ConfigureAwait(false);
            lock (_routers)
            {
                _routers[environment] = router;
            }

            return router;
        }
        finally
        {
            _routersGate.Release();
        }
    }

    /// <summary>All traffic to the live version, or split with the candidate while a canary runs.</summary>
    private static void ApplyRoute(ServiceSlots slots, TrafficRouter router)
    {
        if (slots.Live is not { } live)
        {
            router.RemoveRoute(slots.Service);
        }
        else if (slots.Candidate is { } candidate && slots.CandidatePercent > 0)
        {
            router.SetRoute(slots.Service, RouteTable.Weighted((live.Port, 100 - slots.CandidatePercent), (candidate.Port, slots.CandidatePercent)));
        }
        else
        {
            router.SetRoute(slots.Service, RouteTable.Single(live.Port));
        }
    }

    private void CommitAndSave(ServiceSlots slots)
    {
        slots.Commit();
        lock (_saveGate)
        {
            _stateFile.Save(new StoredState
            {
                Services = _services.Values
                    .Select(s => s.Committed)
                    .OfType<StoredService>()
                    .OrderBy(s => s.Environment, StringComparer.Ordinal)
                    .ThenBy(s => s.Service, StringComparer.Ordinal)
                    .ToList(),
            });
        }
    }

    /// <summary>Stops a version that is no longer live or previous and deletes its release folder.</summary>
    private async Task RetireAsync(ServiceInstance instance)
    {
        await instance.StopAsync(_stopGracePeriod, _timeProvider).ConfigureAwait(false);
        _releases.Delete(instance.Stored.ReleaseDirectory);
        _logger.VersionRetired(instance.Version, instance.Port);
    }

    private string EnvironmentName(string environment, string parameterName)
    {
        DeploymentNames.Validate(environment, "Environment", parameterName);
        var name = environment.ToLowerInvariant();
        return _ports.ContainsKey(name)
            ? name
            : throw new ArgumentException(
                $"Environment '{environment}' has no public port; set {LocalTargetOptions.SectionName}:{nameof(LocalTargetOptions.Ports)}:{name}.",
                parameterName);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    /// <summary>Where a version's output goes while it starts and runs, so callers can follow a deployment as it happens.</summary>
    public static string LogNameFor(string environment, string service, string version) =>
        ArtifactNames.Combine("local-target", environment.ToLowerInvariant(), service, version + ".log");
}
